package dev.provisioner.cli;

import dev.provisioner.operation.OperationSettings;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.ops.removal.NodeRemoval;
import dev.provisioner.ops.removal.RemovalReport;
import dev.provisioner.ops.removal.RemovalStep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code provisioner remove-node NAME -i INV [--yes] [--force]}: a thin layer over {@link NodeRemoval}.
 */
@Command(name = "remove-node", mixinStandardHelpOptions = true,
        description = {"Take a host out of the cluster: drain and delete its Node through a master's API server,",
                "remove its etcd member through the surviving members (masters), then reset the host (skipped",
                "when it is unreachable: a dead host can be removed). The inventory must still list the host;",
                "afterwards delete it from the inventory and run apply so /etc/hosts on the others forgets it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:removed", "1:not confirmed; nothing was changed",
                "2:invalid inventory or unknown host; nothing was contacted",
                "4:a stage failed (named); the stages after it did not run"})
public final class RemoveNodeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "the host to remove, as named in the inventory")
    String name;

    @Option(names = {"-i", "--inventory"}, required = true, paramLabel = "FILE", description = "inventory YAML file")
    Path inventory;

    @Option(names = "--yes", description = "do not ask for confirmation")
    boolean yes;

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
        Optional<Inventory> loaded = InventoryFile.load(inventory, err);
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        Inventory inv = loaded.get();
        if (inv.hosts().stream().noneMatch(h -> h.name().equals(name))) {
            err.println("error: " + inventory + " has no host named '" + name + "'; remove-node needs the inventory that"
                    + " still lists the host. Nothing was contacted.");
            return ExitCodes.INVALID_INPUT;
        }
        if (!Confirmation.confirmed("remove " + name + " from the cluster and reset it", yes, terminal, System.in, out, err)) {
            return ExitCodes.ERROR;
        }
        RemovalReport report = NodeRemoval.of(OperationSettings.of(inv).start("remove-node", true)).remove(name, force);
        for (RemovalStep s : report.steps()) {
            out.println(s.stage() + ": " + s.status().name().toLowerCase(java.util.Locale.ROOT) + ": " + s.detail());
        }
        if (report.ok()) {
            out.println("Done: " + name + " is out of the cluster. Now delete it from " + inventory
                    + " and run apply, so /etc/hosts on the other hosts forgets it.");
            return ExitCodes.OK;
        }
        err.println("error: removing " + name + " stopped at the failed stage above; fix the cause and run remove-node again"
                + " (every stage is idempotent)");
        return ExitCodes.STEP_FAILED;
    }
}
