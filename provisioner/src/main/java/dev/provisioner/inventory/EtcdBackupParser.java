package dev.provisioner.inventory;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code cluster.etcd} ({@code backup: {schedule, keep, dir}}); every problem names its file, line
 * and field. The directory is made 0700 root and pruned on the member, so system directories, the etcd
 * data directory and world-writable places are refused.
 */
final class EtcdBackupParser {
    static final Set<String> ETCD_KEYS = Fields.keys("backup");
    static final Set<String> BACKUP_KEYS = Fields.keys("schedule", "keep", "dir");
    /** Characters of systemd calendar expressions ({@code Mon..Fri *-*-* 02:30:00}, {@code daily}, {@code *:0/15}). */
    private static final Pattern CALENDAR = Pattern.compile("[A-Za-z0-9*,./:~ +-]{1,64}");
    private static final Pattern ABSOLUTE = Pattern.compile("(/[A-Za-z0-9._-]+)+");
    private static final Set<String> SYSTEM = Set.of("/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib64", "/mnt",
            "/media", "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/var", "/usr/bin",
            "/usr/lib", "/usr/local", "/usr/local/bin", "/usr/local/sbin", "/usr/sbin", "/usr/share", "/var/backups",
            "/var/lib", "/var/lib/provisioner", "/var/log", "/var/tmp", "/var/cache", "/var/spool");
    private static final Set<String> NEVER_UNDER = Set.of("/proc", "/sys", "/dev", "/run", "/tmp", "/var/tmp", "/etc",
            "/var/lib/etcd", "/usr", "/boot");

    private EtcdBackupParser() {
    }

    static Optional<EtcdBackup> parse(Fields cluster) {
        if (!cluster.has("etcd")) {
            return Optional.empty();
        }
        Fields etcd = cluster.mapping("etcd", ETCD_KEYS);
        if (!etcd.has("backup")) {
            return Optional.empty();
        }
        Fields b = etcd.mapping("backup", BACKUP_KEYS);
        // Calendar expressions need '*' ("*-*-* 02:30:00"), which SafeText refuses; the whitelist below is
        // stricter than SafeText otherwise, and the value only reaches the timer file, escaped for systemd.
        Tree raw = b.raw("schedule");
        String schedule = raw == null ? EtcdBackup.DEFAULT_SCHEDULE
                : Values.text(raw, b.pathOf("schedule"), Complaint.Check.ANY, EtcdBackupParser::calendar, b.problems());
        Integer keep = b.integer("keep", EtcdBackup.DEFAULT_KEEP, 1, 1000);
        String dir = b.text("dir", EtcdBackupParser::directory, EtcdBackup.DEFAULT_DIR);
        return schedule == null || keep == null || dir == null ? Optional.empty()
                : Optional.of(new EtcdBackup(schedule.strip(), keep, dir));
    }

    private static Complaint calendar(String v) {
        return CALENDAR.matcher(v).matches() && !v.isBlank() && !v.startsWith("-") ? null : new Complaint(
                Complaint.show(v) + " is not a systemd calendar expression",
                "write an OnCalendar= value such as daily, hourly or \"*-*-* 02:30:00\" (see man systemd.time)");
    }

    private static Complaint directory(String v) {
        if (!ABSOLUTE.matcher(v).matches()) {
            return new Complaint(Complaint.show(v) + " is not an absolute directory path",
                    "write a path such as " + EtcdBackup.DEFAULT_DIR + " (letters, digits, '.', '_', '-'; no trailing '/')");
        }
        for (String segment : v.substring(1).split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return new Complaint(Complaint.show(v) + " contains the path segment '" + segment + "'",
                        "write the directory without '.' and '..' segments");
            }
        }
        if (SYSTEM.contains(v)) {
            return new Complaint(Complaint.show(v) + " is a system directory; the backup would make it 0700 and prune files in it",
                    "use a directory of its own, e.g. " + EtcdBackup.DEFAULT_DIR);
        }
        for (String p : NEVER_UNDER) {
            if (v.startsWith(p + "/")) {
                return new Complaint(Complaint.show(v) + " is under " + p + ", which is no place for backups",
                        "use a directory of its own, e.g. " + EtcdBackup.DEFAULT_DIR);
            }
        }
        return null;
    }
}
