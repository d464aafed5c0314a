package dev.provisioner.cli;

import dev.provisioner.api.InvalidSetupException;
import dev.provisioner.api.Provisioner;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.ops.reset.HostResetResult;
import dev.provisioner.ops.reset.ResetReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code provisioner reset -i INV [--limit HOSTS] [--yes]}: removes from the hosts everything our applies
 * installed (see {@link Provisioner#reset()}). Asks on a terminal; without a terminal, refuses unless {@code --yes}.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Remove everything apply installed on the hosts (services, unit files, binaries, configs, data,",
                "PKI, packages that were not there before, iptables rules and CNI interfaces, the /etc/hosts block),",
                "as recorded on each host. Asks for confirmation; --yes skips the question (required without a terminal)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every host was reset", "1:not confirmed; nothing was changed",
                "2:invalid inventory or options; nothing was contacted", "4:the reset failed on a host (named)",
                "7:another run holds the lock on a host (named); nothing was reset there"})
public final class ResetCommand implements Callable<Integer> {
    @Option(names = {"-i", "--inventory"}, required = true, paramLabel = "FILE", description = "inventory YAML file")
    Path inventory;

    @Option(names = "--limit", split = ",", paramLabel = "HOSTS", description = "reset only these hosts (comma separated)")
    List<String> limit = new ArrayList<>();

    @Option(names = "--yes", description = "do not ask for confirmation")
    boolean yes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether stdin is a terminal; a field so tests can say what the terminal answered. */
    boolean terminal = System.console() != null;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Inventory> loaded = InventoryFile.load(inventory, err);
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        Inventory inv = loaded.get();
        Provisioner p;
        try {
            p = Provisioner.builder().inventory(inv).limitHosts(limit).build();
        } catch (InvalidSetupException e) {
            e.problems().forEach(m -> err.println("error: " + m));
            return ExitCodes.INVALID_INPUT;
        }
        List<String> hosts = inv.hosts().stream().map(Host::name).filter(h -> limit.isEmpty() || limit.contains(h)).toList();
        if (!Confirmation.confirmed("remove everything provisioner installed on " + String.join(", ", hosts), yes, terminal,
                System.in, out, err)) {
            return ExitCodes.ERROR;
        }
        ResetReport report = p.reset();
        for (HostResetResult h : report.hosts()) {
            out.println(h.host() + ": " + (h.ok() ? "reset" : "FAILED: " + h.error()));
            h.removed().forEach(r -> out.println("  " + r));
        }
        out.println(report.ok() ? "Done: every host was reset." : "Failed on " + report.failed().stream().map(HostResetResult::host).toList()
                + " (run reset again after fixing the cause; it takes away only what is still there).");
        if (report.ok()) {
            return ExitCodes.OK;
        }
        return report.hosts().stream().anyMatch(HostResetResult::locked) ? ExitCodes.LOCKED : ExitCodes.STEP_FAILED;
    }
}
