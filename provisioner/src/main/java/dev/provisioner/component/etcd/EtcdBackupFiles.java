package dev.provisioner.component.etcd;

import dev.provisioner.inventory.EtcdBackup;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.StepContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduled etcd backup ({@code cluster.etcd.backup}) on the first etcd member: the snapshot script
 * {@value #SCRIPT} (0700 root), the oneshot service {@value #SERVICE} that runs it sandboxed (root
 * without capabilities, file system read-only but the backup directory) and the timer {@value #TIMER}
 * with the inventory's calendar. Snapshots are named {@code <cluster>-etcd-<UTC time>.db} with a
 * {@code .sha256} file next to each (files 0600, directory 0700 root). Pure.
 */
public final class EtcdBackupFiles {
    public static final String SERVICE = "provisioner-etcd-backup.service";
    public static final String TIMER = "provisioner-etcd-backup.timer";
    public static final String SERVICE_PATH = "/etc/systemd/system/" + SERVICE;
    public static final String TIMER_PATH = "/etc/systemd/system/" + TIMER;
    public static final String SCRIPT = "/usr/local/sbin/provisioner-etcd-backup";

    private EtcdBackupFiles() {
    }

    /** The member that takes the scheduled snapshots: the first etcd member in inventory order. */
    public static Host member(Inventory inventory) {
        return EtcdMembers.of(inventory).first();
    }

    /** The settings, when backups are scheduled and {@code host} is the member that takes them. */
    static Optional<EtcdBackup> on(Inventory inventory, Host host) {
        return inventory.cluster().etcdBackup().filter(b -> member(inventory).name().equals(host.name()));
    }

    /** {@code <cluster>-etcd-}: what every snapshot's name starts with. */
    public static String prefix(Inventory inventory) {
        return inventory.cluster().name() + "-etcd-";
    }

    /** An extended regular expression matching exactly the snapshot names (not their checksums). */
    public static String namePattern(Inventory inventory) {
        return "^" + prefix(inventory).replace(".", "\\.") + "[0-9]{8}T[0-9]{6}Z\\.db$";
    }

    static List<DesiredFile> all(StepContext ctx, EtcdBackup backup) {
        EtcdInstall install = EtcdInstall.of(ctx.inventory(), ctx.osFamily());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", ctx.inventory().cluster().name());
        m.put("name", ctx.host().name());
        m.put("dir", backup.dir());
        m.put("keep", backup.keep());
        m.put("schedule", backup.schedule());
        m.put("service", SERVICE);
        m.put("timer", TIMER);
        m.put("script", SCRIPT);
        m.put("etcdUnit", EtcdInstall.UNIT);
        m.put("prefix", prefix(ctx.inventory()));
        m.put("pattern", namePattern(ctx.inventory()));
        m.put("etcdctl", install.etcdctl());
        m.put("etcdutl", install.binDir() + "/etcdutl");
        m.put("endpoint", EtcdMembers.clientUrl(ctx.host()));
        m.put("ca", HostPaths.ETCD_MEMBER_CA_CERT);
        m.put("cert", HostPaths.ETCD_ROOT_CLIENT_CERT);
        m.put("key", HostPaths.ETCD_ROOT_CLIENT_KEY);
        return List.of(DesiredFile.text(SCRIPT, ctx.templates().render("etcd/etcd-backup.sh.ftl", m)).withMode(0700),
                DesiredFile.text(SERVICE_PATH, ctx.templates().render("etcd/etcd-backup.service.ftl", m)).asUnitFile(),
                DesiredFile.text(TIMER_PATH, ctx.templates().render("etcd/etcd-backup.timer.ftl", m)).asUnitFile());
    }
}
