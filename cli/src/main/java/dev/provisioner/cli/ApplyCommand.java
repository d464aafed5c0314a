package dev.provisioner.cli;

import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.SavedPlanRefusedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code provisioner apply -i INV}: makes the hosts match the inventory; ends with a per-host summary. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        header = "Make the hosts match the inventory.",
        description = "Runs every phase of the plan on the hosts (only what differs is changed), showing each changed"
                + " file as a diff headed by its host, then prints a per-phase and per-host summary and writes a log"
                + " under the state directory. A second apply changes nothing. With --plan FILE (saved by plan --out FILE) it"
                + " applies exactly that plan, and refuses with exit code " + ExitCodes.ERROR + ", changing nothing,"
                + " when the inventory, the templates or any host's facts differ from the saved ones (each named).")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.UNREACHABLE, ExitCode.STEP_FAILED, ExitCode.TIMEOUT,
        ExitCode.INCOMPLETE, ExitCode.LOCKED, ExitCode.INTERRUPTED})
public final class ApplyCommand implements Callable<Integer>, OutputOptions.SelfRendering {
    @Mixin
    RunOptions run;

    @Mixin
    OutputOptions output;

    @CommandLine.Option(names = "--plan", paramLabel = "FILE",
            description = "apply exactly the plan saved by plan --out FILE; refuse if anything it was computed from changed")
    java.nio.file.Path savedPlan;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (savedPlan == null) {
            return ApplyRun.apply(run, output, "apply", spec.commandLine().getOut(), err);
        }
        try {
            return ApplyRun.apply(run, output, "apply", spec.commandLine().getOut(), err, p -> p.apply(savedPlan));
        } catch (SavedPlanRefusedException e) {
            err.println("error: the saved plan " + savedPlan + " no longer matches; nothing was changed:");
            e.differences().forEach(d -> err.println("  " + d));
            err.println("Run plan --out again, review it, and apply the new plan.");
            err.flush();
            return ExitCodes.ERROR;
        }
    }

    /**
     * The documented exit code of a finished run: unreachable (3) before a failed step (4) before a
     * timeout (5); incomplete (6) when the only failures are steps whose release artifacts are missing.
     */
    static int exitCode(ProvisionReport report) {
        return ReportVerdict.exitCode(report);
    }
}
