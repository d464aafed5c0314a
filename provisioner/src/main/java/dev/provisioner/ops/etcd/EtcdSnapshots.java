package dev.provisioner.ops.etcd;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.operation.Operation;
import dev.provisioner.pki.ClusterPki;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backups of a running cluster: {@code etcdctl snapshot save} over TLS on the first healthy member,
 * fetched to the controller, plus a copy of the cluster PKI from the state directory, into
 * {@code <dir>/<cluster>-<UTC timestamp>/} ({@link SnapshotLayout}). The backup is assembled in a
 * hidden directory and renamed into place when complete, so a failed run leaves no half-written backup.
 *
 * <pre>{@code
 * SnapshotResult r = EtcdSnapshots.of(OperationSettings.of(inventory).start("etcd snapshot", false)).save(Path.of("backups"), stateDirectory);
 * }</pre>
 */
public final class EtcdSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(EtcdSnapshots.class);

    private final Inventory inventory;
    private final Operation op;
    private final Clock clock;

    private EtcdSnapshots(Operation op, Clock clock) {
        this.inventory = op.inventory();
        this.op = op;
        this.clock = clock;
    }

    /** Within {@code op} (its connections), named after the UTC clock. */
    public static EtcdSnapshots of(Operation op) {
        return new EtcdSnapshots(op, Clock.systemUTC());
    }

    /** With a clock for the names of what it writes. */
    public static EtcdSnapshots of(Operation op, Clock clock) {
        return new EtcdSnapshots(op, clock);
    }

    /**
     * Saves a snapshot and the PKI of {@code stateDirectory} into a new directory under {@code outDir}.
     *
     * @throws EtcdOperationException when no member is healthy, the snapshot fails, or the files cannot be written
     */
    public SnapshotResult save(Path outDir, Path stateDirectory) {
        String name = SnapshotLayout.directoryName(inventory.cluster().name(), clock.instant());
        Path target = outDir.resolve(name);
        if (Files.exists(target)) {
            throw new EtcdOperationException("backup directory " + target + " already exists");
        }
        Path staging = outDir.resolve("." + name + ".partial");
        try (EtcdHosts hosts = new EtcdHosts(op)) {
            List<String> tried = new ArrayList<>();
            for (Host h : hosts.members()) {
                Optional<byte[]> snapshot = snapshot(hosts, h, tried);
                if (snapshot.isPresent()) {
                    return write(staging, target, snapshot.get(), ClusterPki.pkiDirectory(stateDirectory), h.name());
                }
            }
            throw new EtcdOperationException("no healthy etcd member to take a snapshot on: " + EtcdHosts.describe(tried));
        } catch (IOException e) {
            throw new EtcdOperationException("cannot write the backup under " + outDir + ": " + e.getMessage(), e);
        } finally {
            LocalFiles.deleteTree(staging);
        }
    }

    private Optional<byte[]> snapshot(EtcdHosts hosts, Host h, List<String> tried) {
        String remote = RootStaging.file("snapshot-" + java.util.UUID.randomUUID() + ".db");
        String etcdctl = hosts.etcdctl(h).prefix();
        String script = "set -e\numask 077\n" + RootStaging.ensure() + etcdctl + " endpoint health\n"
                + etcdctl.replace("--command-timeout=10s", "--command-timeout=300s") + " snapshot save " + Command.quote(remote) + " >&2\n";
        try {
            CommandResult r = hosts.run(h, script, Duration.ofMinutes(6), "etcdctl snapshot save on " + h.name());
            if (!r.ok()) {
                tried.add(h.name() + ": " + r.tail(1));
                hosts.run(h, "rm -f -- " + Command.quote(remote), Duration.ofSeconds(30), "remove " + remote);
                return Optional.empty();
            }
            try {
                return Optional.of(hosts.connect(h).read(remote, true));
            } finally {
                hosts.run(h, "rm -f -- " + Command.quote(remote), Duration.ofSeconds(30), "remove " + remote);
            }
        } catch (TransportException e) {
            LOG.debug("{}: snapshot failed", h.name(), e);
            tried.add(h.name() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static SnapshotResult write(Path staging, Path target, byte[] snapshot, Path pki, String host) throws IOException {
        LocalFiles.deleteTree(staging);
        LocalFiles.privateDirectory(staging);
        Map<String, String> sums = new LinkedHashMap<>();
        LocalFiles.privateFile(staging.resolve(SnapshotLayout.SNAPSHOT), snapshot);
        sums.put(SnapshotLayout.SNAPSHOT, LocalFiles.sha256(staging.resolve(SnapshotLayout.SNAPSHOT)));
        if (Files.isDirectory(pki)) {
            List<Path> files;
            try (var walk = Files.walk(pki)) {
                files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            }
            for (Path f : files) {
                String rel = SnapshotLayout.PKI + "/" + pki.relativize(f).toString().replace('\\', '/');
                Path copy = staging.resolve(rel);
                LocalFiles.privateFile(copy, Files.readAllBytes(f));
                sums.put(rel, LocalFiles.sha256(copy));
            }
        } else {
            LOG.warn("no PKI in {}: the backup holds the etcd snapshot only", pki);
        }
        LocalFiles.privateFile(staging.resolve(SnapshotLayout.MANIFEST), SnapshotLayout.manifest(sums).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> written = new ArrayList<>(new java.util.TreeSet<>(sums.keySet()));
        written.add(SnapshotLayout.MANIFEST);
        Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LOG.info("etcd snapshot from {} saved to {} ({} files)", host, target, written.size());
        return new SnapshotResult(target, target.resolve(SnapshotLayout.SNAPSHOT), host, written);
    }
}
