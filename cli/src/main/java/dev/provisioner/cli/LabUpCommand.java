package dev.provisioner.cli;

import dev.provisioner.lab.Lab;
import dev.provisioner.lab.LabHostInfo;
import dev.provisioner.lab.LabSettings;
import dev.provisioner.lab.LabTopology;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code provisioner lab up}: starts the lab's hosts (building the image first if needed), writes
 * its inventory and applies it through the same code path as {@code apply}.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        header = "Start the lab's hosts, write their inventory, then apply it.",
        description = "Starts lab hosts as containers (default: master, node01, node02, registry), writes their"
                + " inventory (inventories/lab.yaml) with pinned host keys, then applies it as apply does."
                + " Re-running reuses running hosts and converges. The lab could not be started (Docker engine,"
                + " image): exit code 1.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.UNREACHABLE, ExitCode.STEP_FAILED, ExitCode.TIMEOUT,
        ExitCode.INCOMPLETE, ExitCode.LOCKED, ExitCode.INTERRUPTED})
public final class LabUpCommand implements Callable<Integer>, OutputOptions.SelfRendering {
    @Mixin
    LabOptions lab;

    @Mixin
    OutputOptions output;

    @Mixin
    StateOption state;

    @Option(names = "--masters", paramLabel = "M", description = "number of masters (default: 1)")
    int masters = 1;

    @Option(names = "--nodes", paramLabel = "N", description = "number of worker nodes (default: 2)")
    int nodes = 2;

    @Mixin
    ArtifactOptions artifacts;

    @Option(names = "--os", paramLabel = "OS", description = "Debian release of the lab hosts: bookworm (default) or trixie;"
            + " its image provisioner-lab:OS is built when missing")
    String os;

    @Option(names = "--no-apply", description = "only start the hosts and write the inventory")
    boolean noApply;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LabTopology topology;
        try {
            topology = new LabTopology(masters, nodes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        LabSettings settings;
        try {
            settings = lab.settings().withOs(os == null ? null : dev.provisioner.lab.LabOs.parse(os));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        // Progress of the slow first-time work goes to stderr, so --json keeps stdout machine-readable.
        Lab labHosts = new Lab(settings, line -> {
            err.println("[lab] " + line);
            err.flush();
        });
        List<String> names = topology.hosts().stream().map(LabTopology.LabHostSpec::name).toList();
        (output.json ? err : out).printf("Starting lab '%s': %s%n", settings.name(), String.join(", ", names));
        List<LabHostInfo> hosts = labHosts.up(topology);
        if (!output.json) {
            LabStatusCommand.table(out, hosts);
            out.printf("Wrote %s (host keys pinned in %s)%n", settings.inventory(), settings.stateDir().resolve("known_hosts"));
            out.flush();
        }
        if (noApply) {
            (output.json ? err : out).printf("Next: provisioner apply -i %s%n", settings.inventory());
            return ExitCodes.OK;
        }
        RunOptions run = new RunOptions();
        run.inventory(settings.inventory());
        run.artifacts = artifacts;
        run.cluster.state = state;
        int code = ApplyRun.apply(run, output, "lab-up", out, err);
        if (!output.json) {
            out.printf("%nThe lab keeps running. Inventory: %s%n  status: provisioner lab status%s%n  remove: provisioner lab down%s%n",
                    settings.inventory(), lab.asArguments(), lab.asArguments());
            out.flush();
        }
        return code;
    }
}
