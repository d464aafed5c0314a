package dev.provisioner.cli;

import dev.provisioner.lab.Lab;
import dev.provisioner.lab.LabHostInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code provisioner lab status}: the lab's hosts as Docker sees them. */
@Command(name = "status", mixinStandardHelpOptions = true,
        header = "Show the lab's hosts: host, role, address, state, container.",
        description = "Exit code 1 when there is no lab or a lab host is not running.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT})
public final class LabStatusCommand implements Callable<Integer> {
    @Mixin
    LabOptions lab;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var settings = lab.settings();
        List<LabHostInfo> hosts = new Lab(settings).status();
        if (hosts.isEmpty()) {
            out.printf("No lab '%s' is running (start it with: provisioner lab up).%n", settings.name());
            return ExitCodes.ERROR;
        }
        table(out, hosts);
        out.printf("%nInventory: %s%n", settings.inventory());
        return hosts.stream().allMatch(h -> "running".equals(h.state())) ? ExitCodes.OK : ExitCodes.ERROR;
    }

    static void table(PrintWriter out, List<LabHostInfo> hosts) {
        out.printf("%-12s %-10s %-16s %-10s %s%n", "HOST", "ROLE", "ADDRESS", "STATE", "CONTAINER");
        for (LabHostInfo h : hosts) {
            out.printf("%-12s %-10s %-16s %-10s %s%n", h.name(), h.role(), h.address().isEmpty() ? "-" : h.address(),
                    h.state(), h.container());
        }
        out.flush();
    }
}
