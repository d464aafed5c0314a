package dev.provisioner.cli;

import dev.provisioner.api.ActionReport;
import dev.provisioner.api.HostReport;
import dev.provisioner.api.ProvisionListener;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;
import dev.provisioner.cli.json.ReportDto;
import dev.provisioner.cli.json.ResultDto;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code provisioner plan -i INV}: what apply would change, with diffs; changes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        header = "Show per host what apply would change, with file diffs; changes nothing.",
        description = "Connects, gathers facts and computes every step. Each file diff is headed by its host"
                + " (--- HOST:PATH / +++ HOST:PATH). Exit code " + ExitCodes.CHANGES_PENDING + " means changes are"
                + " pending, like terraform plan -detailed-exitcode; it never means invalid input ("
                + ExitCodes.INVALID_INPUT + "). A host that cannot be reached or a step that cannot be computed is an"
                + " error (" + ExitCodes.ERROR + "). With --out FILE the plan is also saved, for apply --plan FILE:"
                + " the actions per host with the facts they were computed from and digests of the inventory, the"
                + " templates and every rendered file; it holds no secret in clear.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.CHANGES_PENDING})
public final class PlanCommand implements Callable<Integer>, OutputOptions.SelfRendering {
    @Mixin
    RunOptions run;

    @Mixin
    OutputOptions output;

    @CommandLine.Option(names = "--out", paramLabel = "FILE",
            description = "also save the plan to FILE (written only when every host was planned), for apply --plan FILE")
    java.nio.file.Path saveTo;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonLinesListener jsonOut = new JsonLinesListener(out);
        List<ProvisionListener> listeners = output.json ? List.of(jsonOut) : List.of();
        Optional<Provisioner> p = run.provisioner(err, listeners);
        if (p.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        ProvisionReport report;
        try {
            report = saveTo == null ? p.get().plan() : p.get().plan(saveTo);
        } catch (java.io.UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        int code = !report.ok() ? ExitCodes.ERROR : report.changed() ? ExitCodes.CHANGES_PENDING : ExitCodes.OK;
        if (output.json) {
            jsonOut.line("Report", ReportDto.of(report));
            jsonOut.line("Result", new ResultDto.Plan(code, ExitCode.of(code).orElseThrow().label(), report.changed()));
        } else {
            if (!output.quiet) {
                report.hosts().forEach(h -> host(out, h));
                Summary.print(out, report);
            }
            long changing = report.hosts().stream().filter(h -> h.status() == StepStatus.CHANGED).count();
            out.printf("%nPlan: %s%n", !report.ok() ? "incomplete (errors above)"
                    : changing == 0 ? "no changes; the cluster is as the inventory describes"
                    : changing + " host(s) would change; run apply" + (saveTo == null ? "" : " --plan " + saveTo));
            if (saveTo != null && report.ok()) {
                out.printf("Saved the plan to %s%n", saveTo);
            }
            out.flush();
        }
        return code;
    }

    static void host(PrintWriter out, HostReport h) {
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
                ConsoleListener.diff(out, h.host(), a, "        ");
            }
        }
    }
}
