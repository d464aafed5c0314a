package dev.provisioner.cli;

import dev.provisioner.api.ProvisionReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code provisioner apply -i INV}: makes the hosts match the inventory; ends with a per-host summary. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        header = "Make the hosts match the inventory.",
        description = "Runs every phase of the plan on the hosts (only what differs is changed), showing each changed"
                + " file as a diff headed by its host, then prints a per-phase and per-host summary and writes a log"
                + " under the state directory. A second apply changes nothing.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.UNREACHABLE, ExitCode.STEP_FAILED, ExitCode.TIMEOUT,
        ExitCode.INCOMPLETE, ExitCode.LOCKED, ExitCode.INTERRUPTED})
public final class ApplyCommand implements Callable<Integer>, OutputOptions.SelfRendering {
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
