package dev.provisioner.cli;

import dev.provisioner.api.HostOutcome;
import dev.provisioner.api.InvalidSetupException;
import dev.provisioner.api.OperationReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepStatus;
import dev.provisioner.inventory.Inventory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code provisioner remove-node NAME -i INV [--yes] [--force]}: a thin layer over {@link Provisioner#removeNode}.
 */
@Command(name = "remove-node", mixinStandardHelpOptions = true,
        header = "Take a host out of the cluster.",
        description = "Drains and deletes its Node through a master's API server, removes its etcd member through the"
                + " surviving members (masters), then resets the host (skipped when it is unreachable: a dead host can be"
                + " removed). The inventory must still list the host; afterwards delete it from the inventory and run"
                + " apply so /etc/hosts on the others forgets it. A failed stage stops the ones after it (exit code 4);"
                + " not confirmed: exit code 1, nothing changed.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.STEP_FAILED})
public final class RemoveNodeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "the host to remove, as named in the inventory")
    String name;

    @Mixin
    InventoryOption inventory;

    @Mixin
    YesOption yes;

    @Mixin
    OutputOptions output;

    @Option(names = "--force", description = "remove the etcd member even if the remaining members would lose quorum")
    boolean force;

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
                "remove-node", inv, err);
        return RunLog.finish(log, remove(inv, log, out, err));
    }

    private int remove(Inventory inv, Optional<RunLog> log, PrintWriter out, PrintWriter err) throws IOException {
        if (inv.hosts().stream().noneMatch(h -> h.name().equals(name))) {
            err.println("error: " + inventory.file() + " has no host named '" + name + "'; remove-node needs the inventory that"
                    + " still lists the host. Nothing was contacted.");
            return ExitCodes.INVALID_INPUT;
        }
        if (!Confirmation.confirmed("remove " + name + " from the cluster and reset it", yes.yes, terminal, System.in, out, err)) {
            return ExitCodes.ERROR;
        }
        OperationReport report;
        try {
            Provisioner.Builder b = Provisioner.builder().inventory(inventory.forFacade());
            log.ifPresent(b::listener);
            report = b.build().removeNode(name, force);
        } catch (InvalidSetupException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            return ExitCodes.INVALID_INPUT;
        }
        for (HostOutcome s : report.outcomes()) {
            out.println(s.item() + ": " + label(s.status()) + ": " + s.detail());
        }
        if (report.failure().isPresent()) {
            err.println("error: " + report.summary());
            return ExitCodes.of(report.failure().get());
        }
        if (report.ok()) {
            out.println("Done: " + name + " is out of the cluster. Now delete it from " + inventory.file()
                    + " and run apply, so /etc/hosts on the other hosts forgets it.");
            return ExitCodes.OK;
        }
        err.println("error: removing " + name + " stopped at the failed stage above; fix the cause and run remove-node again"
                + " (every stage is idempotent)");
        return ExitCodes.STEP_FAILED;
    }

    /** done, skipped or failed, as the stages report it. */
    private static String label(StepStatus status) {
        return switch (status) {
            case FAILED -> "failed";
            case SKIPPED -> "skipped";
            default -> "done";
        };
    }
}
