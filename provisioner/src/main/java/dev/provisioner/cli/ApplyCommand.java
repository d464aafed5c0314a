package dev.provisioner.cli;

import dev.provisioner.api.ProvisionListener;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code provisioner apply -i INV}: makes the hosts match the inventory; ends with a per-host summary. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Make the hosts match the inventory, then print a per-host summary.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (changed or already converged)", "2:the inventory or options are invalid; nothing was contacted",
                "3:a host could not be reached", "4:a step failed on a host"})
public final class ApplyCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Option(names = "--json", description = "print events and the report as JSON lines instead of text")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonLinesListener jsonOut = new JsonLinesListener(out);
        ProvisionListener listener = json ? jsonOut : new ConsoleListener(out);
        Optional<Provisioner> p = run.provisioner(err, List.of(listener));
        if (p.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        ProvisionReport report = p.get().apply();
        if (json) {
            jsonOut.line("Report", report);
        } else {
            Summary.print(out, report);
        }
        return exitCode(report);
    }

    static int exitCode(ProvisionReport report) {
        if (report.ok()) {
            return ExitCodes.OK;
        }
        boolean unreachable = report.failures().stream().anyMatch(f -> f.step().equals("connect"));
        return unreachable ? ExitCodes.UNREACHABLE : ExitCodes.STEP_FAILED;
    }
}
