package dev.provisioner.cli;

import dev.provisioner.cli.json.CheckDto;
import dev.provisioner.cli.json.JsonLines;
import dev.provisioner.api.HealthReport;
import dev.provisioner.api.InvalidSetupException;
import dev.provisioner.api.ProbeOutcome;
import dev.provisioner.api.ProbeStatus;
import dev.provisioner.api.Provisioner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code provisioner check -i INV [--smoke]}: read-only health of every component on every host. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Probe the health of every component on every host; read-only.",
        description = "Probes etcd, the registry, flannel, containerd, the API server's /readyz, that nodes are Ready"
                + " and CoreDNS. With --smoke also the smoke test of the reference documents (nginx Deployment from the"
                + " private registry, NodePort through every node, ClusterIP Service resolved by name from a pod) in its"
                + " own namespace, deleted afterwards.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.UNREACHABLE, ExitCode.STEP_FAILED,
        ExitCode.NOT_INSTALLED})
public final class CheckCommand implements Callable<Integer>, OutputOptions.SelfRendering {
    @Mixin
    InventoryOption inventory;

    @Mixin
    ConnectOptions connect;

    @Mixin
    OutputOptions output;

    @Option(names = "--smoke", description = "also run the smoke test (needs the API server and the nginx image in the registry)")
    boolean smoke;

    @Option(names = "--smoke-image", paramLabel = "IMAGE", description = "nginx image for the smoke test (default: <registry>/nginx:1.27)")
    String smokeImage;

    @Mixin
    TemplatesOption templates;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        inventory.load(err); // refuses an invalid inventory (exit 2, nothing contacted) and prints its warnings
        Provisioner p;
        try {
            Provisioner.Builder b = Provisioner.builder().inventory(inventory.forFacade()).parallelism(connect.parallel())
                    .insecureAcceptAnyHostKey(connect.insecureAcceptAnyHostKey).templatesDir(templates.dir);
            p = (connect.transport == null ? b : b.transport(connect.transport)).build();
        } catch (InvalidSetupException e) {
            e.problems().forEach(m -> err.println("error: " + m));
            return ExitCodes.INVALID_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        HealthReport report = p.health(smoke, Optional.ofNullable(smokeImage));
        int code = exitCode(report);
        if (output.json) {
            JsonLines json = new JsonLines(out);
            report.results().forEach(r -> json.print(CheckDto.Probe.of(r)));
            json.print(new CheckDto.Summary(JsonLines.SCHEMA, report.ok(), report.duration().toMillis(), code,
                    ExitCode.of(code).orElseThrow().label()));
        } else {
            print(out, report, output.quiet);
        }
        out.flush();
        return code;
    }

    /** 3 unreachable, 4 a probe failed, 9 a component not installed, else 0. */
    static int exitCode(HealthReport report) {
        if (report.unreachable()) {
            return ExitCodes.UNREACHABLE;
        }
        if (!report.failures().isEmpty()) {
            return ExitCodes.STEP_FAILED;
        }
        return report.withStatus(ProbeStatus.NOT_INSTALLED).isEmpty() ? ExitCodes.OK : ExitCodes.NOT_INSTALLED;
    }

    static void print(PrintWriter out, HealthReport report, boolean quiet) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PROBE", "HOST", "RESULT", "DETAIL"});
        for (ProbeOutcome r : report.results()) {
            rows.add(new String[] {r.probe(), r.host(), r.status().label(), r.detail()});
        }
        int[] width = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : quiet ? List.<String[]>of() : rows) {
            out.println(String.format("%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %s", r[0], r[1], r[2], r[3]).stripTrailing());
        }
        out.printf(quiet ? "%d results in" : "%n%d results in %.1f s: %d ok, %d failed, %d not installed, %d skipped%n", report.results().size(),
                report.duration().toMillis() / 1000.0, report.withStatus(ProbeStatus.OK).size(), report.failures().size(),
                report.withStatus(ProbeStatus.NOT_INSTALLED).size(), report.withStatus(ProbeStatus.SKIPPED).size());
    }
}
