package dev.provisioner.cli;

import dev.provisioner.api.ActionReport;
import dev.provisioner.api.HostReport;
import dev.provisioner.api.ProvisionListener;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code provisioner plan -i INV}: what apply would change, with diffs; changes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Connect, gather facts and print per host what apply would change, with file diffs. Changes nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing would change", "1:error (a host unreachable, a step could not be computed)",
                "2:changes pending; also: invalid inventory or options (then nothing was contacted; see stderr)"})
public final class PlanCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Option(names = "--json", description = "print events and the report as JSON lines")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonLinesListener jsonOut = new JsonLinesListener(out);
        List<ProvisionListener> listeners = json ? List.of(jsonOut) : List.of();
        Optional<Provisioner> p = run.provisioner(err, listeners);
        if (p.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        ProvisionReport report = p.get().plan();
        if (json) {
            jsonOut.line("Report", report);
        } else {
            report.hosts().forEach(h -> host(out, h));
            Summary.print(out, report);
            long changing = report.hosts().stream().filter(h -> h.status() == StepStatus.CHANGED).count();
            out.printf("%nPlan: %s%n", !report.ok() ? "incomplete (errors above)"
                    : changing == 0 ? "no changes; the cluster is as the inventory describes"
                    : changing + " host(s) would change; run apply");
            out.flush();
        }
        if (!report.ok()) {
            return ExitCodes.ERROR;
        }
        return report.changed() ? ExitCodes.CHANGES_PENDING : ExitCodes.OK;
    }

    private static void host(PrintWriter out, HostReport h) {
        out.printf("%n%s: %s%n", h.host(), h.status() == StepStatus.CHANGED ? "would change" : h.status().name().toLowerCase(java.util.Locale.ROOT));
        for (StepReport s : h.steps()) {
            if (s.status() == StepStatus.UNCHANGED) {
                out.printf("  = %s/%s: %s%n", s.phase(), s.step(), s.reason());
                continue;
            }
            out.printf("  %s %s/%s%s%n", s.status() == StepStatus.CHANGED ? "~" : "!", s.phase(), s.step(),
                    s.status() == StepStatus.CHANGED ? "" : ": " + s.status().name().toLowerCase(java.util.Locale.ROOT) + ": " + s.reason());
            for (ActionReport a : s.actions()) {
                out.println("      " + a.description());
                ConsoleListener.diff(out, a, "        ");
            }
        }
    }
}
