package dev.provisioner.cli;

import dev.provisioner.ops.upgrade.UpgradeRefusedException;
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
        description = {"Upgrade to the inventory's versions, rolling: control-plane hosts one at a time, then nodes in",
                "batches of --max-unavailable, each batch checked before the next. Refuses, before changing anything,",
                "a version jump upstream forbids (Kubernetes: one minor at a time, kubelet never newer than the API",
                "server; containerd 2.x only from 1.7)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:invalid inventory or options, or the upgrade was refused (nothing was changed)",
                "3:a host could not be reached", "4:a step or a batch's health check failed: the rollout stopped there",
                "5:a step or health check timed out", "6:incomplete: release artifacts are missing (supply --artifacts DIR)"})
public final class UpgradeCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    OutputOptions output;

    @Option(names = "--max-unavailable", paramLabel = "N", description = "nodes upgraded at once (default: 1)")
    int maxUnavailable = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (maxUnavailable < 1) {
            err.println("error: --max-unavailable must be at least 1, got " + maxUnavailable);
            return ExitCodes.INVALID_INPUT;
        }
        try {
            return ApplyRun.apply(run, output, "upgrade", spec.commandLine().getOut(), err, p -> p.upgrade(maxUnavailable));
        } catch (UpgradeRefusedException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
    }
}
