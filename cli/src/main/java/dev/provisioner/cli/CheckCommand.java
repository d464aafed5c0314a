package dev.provisioner.cli;

import dev.provisioner.ops.check.CheckReport;
import dev.provisioner.ops.check.HealthCheck;
import dev.provisioner.ops.check.ProbeResult;
import dev.provisioner.ops.check.ProbeStatus;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.TransportKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code provisioner check -i INV [--smoke]}: read-only health of every component on every host. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Probe the health of every component on every host, read-only: etcd, registry, flannel,",
                "containerd, apiserver /readyz, nodes Ready, CoreDNS; with --smoke also the smoke test of the",
                "reference documents (nginx Deployment from the private registry, NodePort through every node,",
                "ClusterIP Service resolved by name from a pod) in its own namespace, deleted afterwards."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every probe is ok (or skipped because not requested)",
                "2:the inventory or options are invalid; nothing was contacted",
                "3:a host could not be reached",
                "4:a probe failed",
                "6:nothing failed, but a component is not installed"})
public final class CheckCommand implements Callable<Integer> {
    @Option(names = {"-i", "--inventory"}, required = true, paramLabel = "FILE", description = "inventory YAML file")
    Path inventory;

    @Option(names = "--smoke", description = "also run the smoke test (needs the API server and the nginx image in the registry)")
    boolean smoke;

    @Option(names = "--smoke-image", paramLabel = "IMAGE", description = "nginx image for the smoke test (default: <registry>/nginx:1.27)")
    String smokeImage;

    @Option(names = "--templates", paramLabel = "DIR", description = "templates searched before the built-in ones")
    Path templates;

    @Option(names = "--transport", paramLabel = "sshj|jsch", converter = RunOptions.TransportKindConverter.class,
            description = "SSH library for every host (default: the inventory's)")
    TransportKind transport;

    @Option(names = "--parallel", paramLabel = "N", description = "hosts probed at once (default: cluster.ssh.parallelism)")
    int parallel;

    @Option(names = "--json", description = "print one JSON object per probe result, then a summary object")
    boolean json;

    @Option(names = "--insecure-accept-any-host-key", description = "accept any SSH host key (throw-away labs only; refused with password or sudo-password hosts)")
    boolean insecureAcceptAnyHostKey;

    @Option(names = "--debug", description = "print stack traces of unexpected errors")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Inventory> loaded = InventoryFile.load(inventory, err);
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        Inventory inv = loaded.get();
        HealthCheck.Builder b = HealthCheck.builder().inventory(inv).smoke(smoke).parallelism(parallel)
                .smokeImage(smokeImage).templatesDir(templates);
        if (transport != null) {
            b.transport(transport);
        }
        HealthCheck check;
        try {
            check = b.insecureAcceptAnyHostKey(insecureAcceptAnyHostKey).build();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        CheckReport report = check.run();
        if (json) {
            report.results().forEach(r -> out.println(Json.write(r)));
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("ok", report.ok());
            summary.put("durationMs", report.duration().toMillis());
            out.println(Json.write(summary));
        } else {
            print(out, report);
        }
        out.flush();
        return exitCode(report);
    }

    /** 3 unreachable, 4 a probe failed, 6 a component not installed, else 0. */
    static int exitCode(CheckReport report) {
        if (report.unreachable()) {
            return ExitCodes.UNREACHABLE;
        }
        if (!report.failures().isEmpty()) {
            return ExitCodes.STEP_FAILED;
        }
        return report.withStatus(ProbeStatus.NOT_INSTALLED).isEmpty() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    static void print(PrintWriter out, CheckReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PROBE", "HOST", "RESULT", "DETAIL"});
        for (ProbeResult r : report.results()) {
            rows.add(new String[] {r.probe(), r.host(), r.status().label(), r.detail()});
        }
        int[] width = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            out.println(String.format("%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %s", r[0], r[1], r[2], r[3]).stripTrailing());
        }
        out.printf("%n%d results in %.1f s: %d ok, %d failed, %d not installed, %d skipped%n", report.results().size(),
                report.duration().toMillis() / 1000.0, report.withStatus(ProbeStatus.OK).size(), report.failures().size(),
                report.withStatus(ProbeStatus.NOT_INSTALLED).size(), report.withStatus(ProbeStatus.SKIPPED).size());
    }
}
