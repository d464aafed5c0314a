package dev.provisioner.cli;

import dev.provisioner.api.OperationRefusedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code provisioner upgrade -i INV [--max-unavailable N]}: a rolling upgrade to the inventory's versions
 * (see {@link dev.provisioner.api.Provisioner#upgrade(int)}).
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        header = "Upgrade the cluster to the inventory's versions, one batch of hosts at a time.",
        description = "Control-plane hosts one at a time, then nodes in batches of --max-unavailable, each batch checked"
                + " before the next; a failed batch stops the rollout there. Refuses, before changing anything, a version"
                + " jump upstream forbids (Kubernetes: one minor at a time, kubelet never newer than the API server;"
                + " containerd 2.x only from 1.7): exit code 2. Each Kubernetes node is drained before its batch"
                + " (kubectl drain on the first master with the admin kubeconfig: evictions, so PodDisruptionBudgets"
                + " hold; --ignore-daemonsets, --delete-emptydir-data) and uncordoned after its health check; a failed"
                + " drain or host stops the upgrade there and a failed host stays cordoned. Before the first"
                + " control-plane change an etcd snapshot is saved under the state directory's backups/.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.UNREACHABLE, ExitCode.STEP_FAILED, ExitCode.TIMEOUT,
        ExitCode.INCOMPLETE, ExitCode.LOCKED, ExitCode.INTERRUPTED})
public final class UpgradeCommand implements Callable<Integer>, OutputOptions.SelfRendering {
    @Mixin
    RunOptions run;

    @Mixin
    OutputOptions output;

    @Option(names = "--max-unavailable", paramLabel = "N", description = "nodes upgraded at once (default: 1)")
    int maxUnavailable = 1;

    @Option(names = "--no-drain", description = "do not drain and uncordon the nodes (the etcd snapshot is still taken)")
    boolean noDrain;

    @Option(names = "--drain-timeout", paramLabel = "DURATION",
            description = "how long one node's drain may take, e.g. 90s, 10m (default: 5m); a drain out of time stops the upgrade")
    String drainTimeout = "5m";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (maxUnavailable < 1) {
            err.println("error: --max-unavailable must be at least 1, got " + maxUnavailable);
            return ExitCodes.INVALID_INPUT;
        }
        java.time.Duration timeout;
        try {
            timeout = Durations.parse(drainTimeout);
        } catch (IllegalArgumentException e) {
            err.println("error: --drain-timeout: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        try {
            return ApplyRun.apply(run, output, "upgrade", spec.commandLine().getOut(), err,
                    p -> p.upgrade(maxUnavailable, !noDrain, timeout));
        } catch (OperationRefusedException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
    }
}
