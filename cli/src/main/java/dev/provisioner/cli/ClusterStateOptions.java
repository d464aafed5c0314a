package dev.provisioner.cli;

import dev.provisioner.inventory.Inventory;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code -i FILE} and {@code --state DIR}, shared by the commands that use the local cluster state.
 * The default state directory is {@code .provisioner/<cluster name>/} next to the inventory file.
 */
public final class ClusterStateOptions {
    /** Folder, next to the inventory file, that holds one state directory per cluster name. */
    public static final String STATE_FOLDER = ".provisioner";

    @Option(names = {"-i", "--inventory"}, paramLabel = "FILE", description = "inventory YAML file")
    Path inventory;

    @Option(names = "--state", paramLabel = "DIR",
            description = "cluster state directory (default: " + STATE_FOLDER + "/<cluster name>/ next to the inventory file)")
    Path state;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** True when {@code -i} was given. */
    boolean hasInventory() {
        return inventory != null;
    }

    /** Loads and validates the inventory; a usage error when {@code -i} is missing. */
    Inventory loadInventory() {
        if (inventory == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--inventory=FILE'");
        }
        return Inventory.load(inventory);
    }

    /** {@code --state}, or the default for this inventory. */
    Path stateDirectory(Inventory inv) {
        return state != null ? state : defaultStateDirectory(inventory, inv.cluster().name());
    }

    /** {@code --state} when given (then no inventory is needed), else the default for the loaded inventory. */
    Path stateDirectory() {
        return state != null ? state : stateDirectory(loadInventory());
    }

    /** {@code <folder of inventoryFile>/.provisioner/<clusterName>}. */
    public static Path defaultStateDirectory(Path inventoryFile, String clusterName) {
        Path dir = inventoryFile.toAbsolutePath().getParent();
        return (dir == null ? Path.of("").toAbsolutePath() : dir).resolve(STATE_FOLDER).resolve(clusterName);
    }
}
