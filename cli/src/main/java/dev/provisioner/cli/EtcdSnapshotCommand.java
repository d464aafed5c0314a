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
                + " directory is left.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.UNREACHABLE})
public final class EtcdSnapshotCommand implements Callable<Integer> {
    @Mixin
    ClusterStateOptions cluster;

    @Mixin
    OutputOptions outputMode;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "where to create the backup directory (default: the current directory)")
    Path output = Path.of(".");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return EtcdCommand.call(spec, cluster, "etcd snapshot", (inv, p, out, err) -> {
            OperationReport r = p.etcdSnapshot(output);
            for (HostOutcome o : r.ok() ? r.outcomes() : List.<HostOutcome>of()) {
                out.printf("etcd snapshot of %s taken on %s: %s (see %s)%n", inv.cluster().name(), o.host(), o.detail(),
                        Path.of(o.detail()).resolve("SHA256SUMS"));
            }
            return EtcdCommand.exitCode(r, err);
        });
    }
}
