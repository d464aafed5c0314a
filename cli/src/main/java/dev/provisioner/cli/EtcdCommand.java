package dev.provisioner.cli;

import dev.provisioner.ops.etcd.EtcdOperationException;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.InventoryException;
import dev.provisioner.transport.TransportException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * {@code provisioner etcd}: day-2 operations on the running etcd cluster over SSH.
 * Subcommands: {@code snapshot}, {@code restore}, {@code member-remove}.
 */
@Command(name = "etcd", mixinStandardHelpOptions = true,
        header = "Back up, restore and shrink the cluster's etcd (over SSH, etcdctl with TLS on the members).",
        subcommands = {EtcdSnapshotCommand.class, EtcdRestoreCommand.class, EtcdMemberRemoveCommand.class})
public final class EtcdCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One etcd operation on the loaded inventory: returns the exit code, printing to the command's streams. */
    @FunctionalInterface
    interface Operation {
        int run(Inventory inventory, PrintWriter out, PrintWriter err);
    }

    /** Loads the inventory and runs {@code op}; an invalid inventory exits 2, a refused or failed operation 1, a lost host 3. */
    static int call(CommandLine.Model.CommandSpec spec, ClusterStateOptions cluster, Operation op) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return op.run(cluster.loadInventory(), out, err);
        } catch (InventoryException e) {
            err.println(e.format());
            return ExitCodes.INVALID_INPUT;
        } catch (EtcdOperationException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.ERROR;
        } catch (TransportException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
    }
}
