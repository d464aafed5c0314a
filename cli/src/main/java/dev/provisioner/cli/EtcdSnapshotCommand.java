package dev.provisioner.cli;

import dev.provisioner.api.HostOutcome;
import dev.provisioner.api.OperationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code provisioner etcd snapshot}: an etcd snapshot plus the cluster PKI, into a timestamped local directory. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        header = "Save an etcd snapshot and the cluster PKI into a new local backup directory.",
        description = "etcdctl snapshot save on the first healthy member, over TLS, and a copy of the cluster PKI from the state"
                + " directory, into DIR/<cluster>-<UTC timestamp>/ (directory 0700, files 0600, SHA256SUMS lists every"
                + " file). Changes nothing on any host. No healthy member or a failed snapshot: exit code 1, no backup"
                + " directory is left. With --fetch: copy the newest snapshot the cluster.etcd.backup timer wrote on the first"
                + " etcd member instead (to -o FILE, or into -o DIR under its own name; created 0600, never overwriting), kept"
                + " only when its SHA-256 equals the one the timer recorded next to it.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.UNREACHABLE})
public final class EtcdSnapshotCommand implements Callable<Integer> {
    @Mixin
    ClusterStateOptions cluster;

    @Mixin
    OutputOptions outputMode;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "where to create the backup directory; with --fetch the"
            + " file to write, or a directory to write it into (default: the current directory)")
    Path output = Path.of(".");

    @Option(names = "--fetch", description = "copy the newest scheduled snapshot (cluster.etcd.backup) from the member instead of taking one")
    boolean fetch;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return EtcdCommand.call(spec, cluster, fetch ? "etcd snapshot --fetch" : "etcd snapshot", (inv, p, out, err) -> {
            if (fetch) {
                OperationReport fetched = p.etcdFetchScheduledSnapshot(output);
                if (fetched.ok()) {
                    out.println(fetched.summary());
                }
                return EtcdCommand.exitCode(fetched, err);
            }
            OperationReport r = p.etcdSnapshot(output);
            for (HostOutcome o : r.ok() ? r.outcomes() : List.<HostOutcome>of()) {
                out.printf("etcd snapshot of %s taken on %s: %s (see %s)%n", inv.cluster().name(), o.host(), o.detail(),
                        Path.of(o.detail()).resolve("SHA256SUMS"));
            }
            return EtcdCommand.exitCode(r, err);
        });
    }
}
