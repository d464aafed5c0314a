package dev.provisioner.cli;

import dev.provisioner.api.HostOutcome;
import dev.provisioner.api.OperationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code provisioner etcd restore FILE}: every etcd member of the inventory rebuilt from one snapshot. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        header = "Restore every etcd member from a snapshot; everything written since is lost.",
        description = "Checks FILE against the SHA256SUMS of its backup directory, reaches every member, stops etcd on all of"
                + " them, builds each member's data directory from the snapshot (etcdutl snapshot restore; etcdctl on"
                + " etcd 3.4), keeping the old one as /var/lib/etcd.before-restore-<UTC timestamp>, starts all members"
                + " and waits until each answers healthy. Needs --yes (else exit code 2). FILE not matching its manifest"
                + " (nothing changed) or a failed restore (the message names the member): exit code 1.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.UNREACHABLE})
public final class EtcdRestoreCommand implements Callable<Integer> {
    @Mixin
    ClusterStateOptions cluster;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE", description = "the snapshot (etcd-snapshot.db of a backup directory)")
    Path file;

    @Mixin
    YesOption yes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return EtcdCommand.call(spec, cluster, "etcd restore", (inv, p, out, err) -> {
            if (!yes.yes) {
                err.println("error: restoring replaces the etcd data of every member of " + inv.cluster().name()
                        + " with " + file + "; pass --yes to proceed");
                return ExitCodes.INVALID_INPUT;
            }
            OperationReport r = p.etcdRestore(file);
            if (r.ok()) {
                out.printf("etcd restored from %s on %s (%s on each member)%n", file,
                        String.join(", ", r.outcomes().stream().map(HostOutcome::host).toList()),
                        r.outcomes().isEmpty() ? "" : r.outcomes().get(0).detail());
            }
            return EtcdCommand.exitCode(r, err);
        });
    }
}
