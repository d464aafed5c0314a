package dev.provisioner.cli;

import dev.provisioner.api.ClusterInventory;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.ValidationProblem;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code -i/--inventory FILE}, the same on every command that reads an inventory: default
 * {@code $PROVISIONER_INVENTORY}, else {@code ./inventory.yaml}. {@link #load()} is the one
 * "load the inventory or exit 2" prologue: an invalid inventory is thrown as the library's
 * {@link dev.provisioner.inventory.InventoryException}, which {@link ErrorReporter} prints with every
 * file:line:column and turns into {@link ExitCode#INVALID_INPUT} before any host is contacted.
 */
final class InventoryOption {
    /** Environment variable naming the default inventory file. */
    static final String ENV = "PROVISIONER_INVENTORY";
    /** The default when {@link #ENV} is not set. */
    static final String DEFAULT_FILE = "inventory.yaml";

    @Option(names = {"-i", "--inventory"}, paramLabel = "FILE", defaultValue = "${env:" + ENV + ":-" + DEFAULT_FILE + "}",
            description = "inventory YAML file (default: $" + ENV + ", else ./" + DEFAULT_FILE + ")")
    Path file;

    /** The inventory file given (or the default). */
    Path file() {
        return file;
    }

    /** The same file as the facade takes it, validated again (it was valid when {@link #load} read it a moment ago). */
    ClusterInventory forFacade() {
        return ClusterInventory.load(file);
    }

    /**
     * The valid inventory, its warnings printed to {@code err}.
     *
     * @throws dev.provisioner.inventory.InventoryException when it is invalid (nothing was contacted)
     */
    Inventory load(PrintWriter err) {
        Inventory inv = Inventory.load(file);
        inv.warnings().stream().map(ValidationProblem::format).forEach(err::println);
        return inv;
    }
}
