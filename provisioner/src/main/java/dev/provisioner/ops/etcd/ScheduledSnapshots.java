package dev.provisioner.ops.etcd;

import dev.provisioner.component.etcd.EtcdBackupFiles;
import dev.provisioner.inventory.EtcdBackup;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.operation.Operation;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The snapshots the {@code cluster.etcd.backup} timer writes on the first etcd member
 * ({@link EtcdBackupFiles}): {@link #fetchNewest} copies the newest one that has its checksum file to
 * the controller. On the member the snapshot is first linked (or copied) into the root-only staging
 * directory, so a retention run at the same moment cannot remove it mid-copy; on the controller its
 * SHA-256 must equal the one the timer wrote next to it, else nothing is left behind. Read-only on the
 * member but for the staging copy, which is removed; takes no run lock.
 */
public final class ScheduledSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledSnapshots.class);
    private static final Pattern ANSWER = Pattern.compile("([^\\s/]+)\\n([0-9a-f]{64})  ([^\\s/]+)\\n?");

    private final Operation op;

    private ScheduledSnapshots(Operation op) {
        this.op = op;
    }

    public static ScheduledSnapshots of(Operation op) {
        return new ScheduledSnapshots(op);
    }

    /** A snapshot copied to the controller: the local file, the member, the name on the member, its SHA-256. */
    public record Fetched(Path file, String member, String name, String sha256) {
    }

    /**
     * Copies the newest scheduled snapshot to {@code output}: a file path, or an existing directory (the
     * snapshot keeps its name there). The file is created 0600 and never overwrites an existing one.
     *
     * @throws EtcdOperationException when backups are not scheduled, no snapshot exists yet, the checksum
     *                                differs, or the file cannot be written
     */
    public Fetched fetchNewest(Path output) {
        Inventory inventory = op.inventory();
        EtcdBackup backup = inventory.cluster().etcdBackup().orElseThrow(() -> new EtcdOperationException(
                "no scheduled etcd backups: cluster.etcd.backup is not set in the inventory"));
        Host member = EtcdBackupFiles.member(inventory);
        String staged = RootStaging.file("scheduled-" + UUID.randomUUID() + ".db");
        try (EtcdHosts hosts = new EtcdHosts(op)) {
            CommandResult r = hosts.run(member, pickScript(inventory, backup, staged), Duration.ofMinutes(5),
                    "newest scheduled etcd snapshot in " + backup.dir() + " on " + member.name());
            if (!r.ok()) {
                throw new EtcdOperationException("no scheduled snapshot to fetch on " + member.name() + ": " + r.tail(2));
            }
            Matcher m = ANSWER.matcher(r.stdout());
            if (!m.matches() || !m.group(1).equals(m.group(3))) {
                throw new EtcdOperationException("unexpected answer from " + member.name() + " about " + backup.dir() + ": " + r.tail(2));
            }
            String name = m.group(1);
            String expected = m.group(2);
            try {
                byte[] data = hosts.connect(member).read(staged, true);
                return write(target(output, name), data, expected, member.name(), name);
            } finally {
                hosts.run(member, "rm -f -- " + Command.quote(staged), Duration.ofSeconds(30), "remove " + staged);
            }
        }
    }

    /** Prints the newest snapshot's name and its checksum line, after linking it into {@code staged}. */
    static String pickScript(Inventory inventory, EtcdBackup backup, String staged) {
        String dir = Command.quote(backup.dir());
        return "set -eu\numask 077\n"
                + "if [ ! -d " + dir + " ]; then echo 'no backup directory '" + dir + "' (has apply run with cluster.etcd.backup?)' >&2; exit 3; fi\n"
                + "name=\n"
                + "for n in $(ls -1 " + dir + " | grep -E " + Command.quote(EtcdBackupFiles.namePattern(inventory)) + " | sort -r); do\n"
                + "  if [ -f " + dir + "/\"$n.sha256\" ]; then name=$n; break; fi\n"
                + "done\n"
                + "if [ -z \"$name\" ]; then echo 'no snapshot in '" + dir + "' yet: the timer has not run (systemctl start "
                + EtcdBackupFiles.SERVICE + " takes one now)' >&2; exit 3; fi\n"
                + RootStaging.ensure()
                + "ln -- " + dir + "/\"$name\" " + Command.quote(staged) + " 2>/dev/null || cp -- " + dir + "/\"$name\" " + Command.quote(staged) + "\n"
                + "printf '%s\\n' \"$name\"\ncat -- " + dir + "/\"$name.sha256\"\n";
    }

    private static Path target(Path output, String name) {
        return Files.isDirectory(output) ? output.resolve(name) : output;
    }

    private static Fetched write(Path file, byte[] data, String expected, String member, String name) {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.exists(file)) {
            throw new EtcdOperationException(file + " already exists; choose another file with -o");
        }
        Path partial = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            if (LocalFiles.posix()) {
                Files.createFile(partial, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            }
            Files.write(partial, data);
            String actual = LocalFiles.sha256(partial);
            if (!actual.equals(expected)) {
                throw new EtcdOperationException("the copy of " + name + " from " + member + " has SHA-256 " + actual
                        + ", but the timer recorded " + expected + "; nothing was kept");
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("scheduled etcd snapshot {} from {} fetched to {} (sha256 {})", name, member, file, actual);
            return new Fetched(file, member, name, actual);
        } catch (IOException e) {
            throw new EtcdOperationException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                LOG.debug("cannot remove {}", partial, e);
            }
        }
    }
}
