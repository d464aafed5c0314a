package dev.provisioner.ops.etcd;

import dev.provisioner.component.etcd.EtcdInstall;
import dev.provisioner.component.etcd.EtcdMembers;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.operation.Operation;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.TransportException;
import dev.provisioner.transport.Upload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Restores every etcd member of the inventory from one snapshot: before anything changes, the file is
 * checked (against the backup's {@value SnapshotLayout#MANIFEST} when it sits in one) and every member
 * is reached; then the snapshot is uploaded to each member (into {@value RootStaging#DIR}, 0700 root), etcd is stopped on all of them, each member
 * gets a fresh data directory built from the snapshot ({@link RestoreScript}; the old one is moved aside
 * to {@code /var/lib/etcd.before-restore-<UTC timestamp>}), all are started together and the cluster
 * must answer healthy on every member.
 *
 * <pre>{@code
 * RestoreResult r = EtcdRestore.of(OperationSettings.of(inventory).start("etcd restore", true)).restore(Path.of("backups/trio-20261126T021500Z/etcd-snapshot.db"));
 * }</pre>
 */
public final class EtcdRestore {
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);
    private static final Logger LOG = LoggerFactory.getLogger(EtcdRestore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Inventory inventory;
    private final Operation op;
    private final Clock clock;

    private EtcdRestore(Operation op, Clock clock) {
        this.inventory = op.inventory();
        this.op = op;
        this.clock = clock;
    }

    /** Within {@code op} (its connections, and the run lock on every member), named after the UTC clock. */
    public static EtcdRestore of(Operation op) {
        return new EtcdRestore(op, Clock.systemUTC());
    }

    /** With a clock for the names of what it writes. */
    public static EtcdRestore of(Operation op, Clock clock) {
        return new EtcdRestore(op, clock);
    }

    /**
     * @throws EtcdOperationException when the file is missing or does not match its manifest, a member
     *                                cannot be reached (nothing changed then), or a member fails to
     *                                restore or to become healthy
     */
    public RestoreResult restore(Path snapshot) {
        verify(snapshot);
        String stamp = STAMP.format(clock.instant());
        String remote = RootStaging.file("restore-" + stamp + ".db");
        String aside = EtcdInstall.DATA_DIR + ".before-restore-" + stamp;
        EtcdMembers members = EtcdMembers.of(inventory);
        try (EtcdHosts hosts = new EtcdHosts(op)) {
            for (Host h : members.hosts()) {
                try {
                    check(hosts.run(h, "command -v systemctl >/dev/null && test -x " + dev.provisioner.transport.Command.quote(hosts.install().etcdctl()),
                            Duration.ofSeconds(30), "check etcdctl on " + h.name()), h, "etcdctl " + hosts.install().etcdctl() + " is not installed");
                } catch (TransportException e) {
                    throw new EtcdOperationException("cannot reach etcd member " + h.name() + "; nothing was changed: " + e.getMessage(), e);
                }
            }
            for (Host h : members.hosts()) {
                check(hosts.run(h, RootStaging.ensure(), Duration.ofSeconds(30), "create " + RootStaging.DIR + " on " + h.name()), h,
                        "cannot create the root-only staging directory " + RootStaging.DIR);
                hosts.connect(h).upload(Upload.ofFile(remote, snapshot).withMode(0600).withOwner("root", "root"));
            }
            for (Host h : members.hosts()) {
                check(hosts.run(h, "systemctl stop " + EtcdInstall.UNIT, Duration.ofSeconds(120), "stop etcd on " + h.name()), h, "cannot stop etcd");
            }
            for (Host h : members.hosts()) {
                check(hosts.run(h, RestoreScript.forMember(hosts.install(), members, h, remote, aside), Duration.ofMinutes(10),
                        "etcd snapshot restore on " + h.name()), h, "snapshot restore failed");
            }
            for (Host h : members.hosts()) {
                check(hosts.run(h, "systemctl start --no-block " + EtcdInstall.UNIT, Duration.ofSeconds(60), "start etcd on " + h.name()),
                        h, "cannot start etcd");
            }
            List<String> names = new ArrayList<>();
            for (Host h : members.hosts()) {
                waitHealthy(hosts, h);
                names.add(h.name());
            }
            LOG.info("etcd restored from {} on {}; old data directories kept in {}", snapshot, names, aside);
            return new RestoreResult(names, aside);
        }
    }

    private static void waitHealthy(EtcdHosts hosts, Host h) {
        String probe = hosts.etcdctl(h).endpointHealth();
        String script = "deadline=$(( $(date +%s) + " + HEALTH_TIMEOUT.toSeconds() + " ))\n"
                + "until " + probe + " >/dev/null 2>&1; do\n"
                + "  [ \"$(date +%s)\" -lt \"$deadline\" ] || { " + probe + " 2>&1 | tail -n 2; exit 1; }\n"
                + "  sleep 1\ndone\n";
        check(hosts.run(h, script, HEALTH_TIMEOUT.plusSeconds(30), "wait for etcd health on " + h.name()), h,
                "etcd did not become healthy within " + HEALTH_TIMEOUT.toSeconds() + " s after the restore");
    }

    private static void check(CommandResult r, Host h, String what) {
        if (!r.ok()) {
            throw new EtcdOperationException(h.name() + ": " + what + " (exit " + r.exitCode() + "): " + r.tail(3).strip()
                    + (r.stdout().isBlank() ? "" : " " + r.stdout().strip().lines().reduce((a, b) -> b).orElse("")));
        }
    }

    /** The file exists, and matches the manifest of the backup directory it is in, when there is one. */
    static void verify(Path snapshot) {
        if (!Files.isRegularFile(snapshot)) {
            throw new EtcdOperationException("no snapshot file " + snapshot);
        }
        Path manifest = snapshot.toAbsolutePath().getParent().resolve(SnapshotLayout.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return;
        }
        Map<String, String> sums;
        try {
            sums = SnapshotLayout.parseManifest(Files.readString(manifest, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new EtcdOperationException(manifest + ": " + e.getMessage(), e);
        }
        String want = sums.get(snapshot.getFileName().toString());
        if (want == null) {
            return;
        }
        String have = LocalFiles.sha256(snapshot);
        if (!have.equals(want)) {
            throw new EtcdOperationException(snapshot + " does not match " + manifest + ": sha256 " + have + ", expected " + want
                    + "; nothing was changed");
        }
    }
}
