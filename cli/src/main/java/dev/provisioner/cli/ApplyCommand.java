package dev.provisioner.cli;

import dev.provisioner.api.ProvisionReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code provisioner apply -i INV}: makes the hosts match the inventory; ends with a per-host summary. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Make the hosts match the inventory, then print a per-phase and per-host summary.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (changed or already converged)", "2:the inventory or options are invalid; nothing was contacted",
                "3:a host could not be reached", "4:a step failed on a host", "5:a step or health check timed out",
                "6:incomplete: release artifacts that cannot be obtained here are missing (supply them with --artifacts DIR)",
                "7:another run holds the lock of a host (named); nothing was changed",
                "130:interrupted (Ctrl-C): the running phase finished its current step, later phases were not run"})
public final class ApplyCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return ApplyRun.apply(run, output, "apply", spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * The documented exit code of a finished run: unreachable (3) before a failed step (4) before a
     * timeout (5); incomplete (6) when the only failures are steps whose release artifacts are missing.
     */
    static int exitCode(ProvisionReport report) {
        return ReportVerdict.exitCode(report);
    }
}
