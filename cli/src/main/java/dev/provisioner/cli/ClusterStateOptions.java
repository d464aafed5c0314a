package dev.provisioner.cli;

import dev.provisioner.api.ClusterInventory;
import dev.provisioner.inventory.Inventory;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;

/**
 * {@code -i FILE} and {@code --state DIR}, for the commands that use the local cluster state
 * (see {@link InventoryOption} and {@link StateOption}).
 */
public final class ClusterStateOptions {
    /** Folder, next to the inventory file, that holds one state directory per cluster name. */
    public static final String STATE_FOLDER = StateOption.STATE_FOLDER;

    @Mixin
    InventoryOption inventory = new InventoryOption();

    @Mixin
    StateOption state = new StateOption();

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** Loads and validates the inventory, warnings to the command's stderr (see {@link InventoryOption#load}). */
    Inventory loadInventory() {
        return inventory.load(spec.commandLine().getErr());
    }

    /** The inventory as the facade takes it (see {@link InventoryOption#forFacade()}). */
    ClusterInventory facadeInventory() {
        return inventory.forFacade();
    }

    /** {@code --state}, or the default for this inventory. */
    Path stateDirectory(Inventory inv) {
        return state.directory(inventory.file(), inv.cluster().name());
    }

    /** {@code --state} when given (then no inventory is needed), else the default for the loaded inventory. */
    Path stateDirectory() {
        return state.dir != null ? state.dir : stateDirectory(loadInventory());
    }

    /** {@code <folder of inventoryFile>/.provisioner/<clusterName>}. */
    public static Path defaultStateDirectory(Path inventoryFile, String clusterName) {
        return StateOption.defaultDirectory(inventoryFile, clusterName);
    }
}
