package dev.provisioner.cli;

import dev.provisioner.api.FailureKind;
import dev.provisioner.api.HostOutcome;
import dev.provisioner.api.InvalidSetupException;
import dev.provisioner.api.OperationReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepStatus;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code provisioner reset -i INV [--limit HOSTS] [--yes]}: removes from the hosts everything our applies
 * installed (see {@link Provisioner#reset()}). Asks on a terminal; without a terminal, refuses unless {@code --yes}.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        header = "Remove everything apply installed on the hosts.",
        description = "Services, unit files, binaries, configs, data, PKI, packages that were not there before, iptables"
                + " rules and CNI interfaces, the /etc/hosts block: as recorded on each host. Asks for confirmation;"
                + " --yes skips the question (required without a terminal). Not confirmed: exit code 1, nothing changed.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.STEP_FAILED, ExitCode.LOCKED})
public final class ResetCommand implements Callable<Integer> {
    @Mixin
    InventoryOption inventory;

    @Mixin
    LimitOption limit;

    @Mixin
    YesOption yes;

    @Mixin
    ConnectOptions connect;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether stdin is a terminal; a field so tests can say what the terminal answered. */
    boolean terminal = System.console() != null;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inventory inv = inventory.load(err);
        Optional<RunLog> log = RunLog.forOperation(ClusterStateOptions.defaultStateDirectory(inventory.file(), inv.cluster().name()),
                "reset", inv, err);
        return RunLog.finish(log, reset(inv, log, out, err));
    }

    private int reset(Inventory inv, Optional<RunLog> log, PrintWriter out, PrintWriter err) throws IOException {
        List<String> limited = limit.names(inv);
        Provisioner p;
        try {
            Provisioner.Builder b = Provisioner.builder().inventory(inventory.forFacade()).limitHosts(limited).parallelism(connect.parallel());
            log.ifPresent(b::listener);
            p = (connect.transport == null ? b : b.transport(connect.transport)).build();
        } catch (InvalidSetupException e) {
            e.problems().forEach(m -> err.println("error: " + m));
            return ExitCodes.INVALID_INPUT;
        }
        List<String> hosts = inv.hosts().stream().map(Host::name).filter(h -> limited.isEmpty() || limited.contains(h)).toList();
        if (!Confirmation.confirmed("remove everything provisioner installed on " + String.join(", ", hosts), yes.yes, terminal,
                System.in, out, err)) {
            return ExitCodes.ERROR;
        }
        OperationReport report = p.reset();
        for (HostOutcome h : report.outcomes()) {
            boolean ok = h.status() != StepStatus.FAILED;
            List<String> lines = h.detail().lines().toList(); // ok: what was taken away; failed: why, then what was
            out.println(h.host() + ": " + (ok ? "reset" : "FAILED: " + (lines.isEmpty() ? "" : lines.get(0))));
            lines.stream().skip(ok ? 0 : 1).forEach(r -> out.println("  " + r));
        }
        report.failure().ifPresent(k -> out.println("error: " + report.summary()));
        out.println(report.ok() ? "Done: every host was reset." : "Failed on " + report.outcomes().stream()
                .filter(h -> h.status() == StepStatus.FAILED).map(HostOutcome::host).toList()
                + " (run reset again after fixing the cause; it takes away only what is still there).");
        if (report.ok()) {
            return ExitCodes.OK;
        }
        return report.failureKinds().contains(FailureKind.LOCKED) ? ExitCodes.LOCKED : ExitCodes.STEP_FAILED;
    }
}
