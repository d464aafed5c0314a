package dev.provisioner.cli;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.InventoryException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the CLI reports an invalid inventory: every problem with its file:line:column, then one line
 * saying that nothing was contacted.
 */
final class InventoryFile {
    private InventoryFile() {
    }

    /** The valid inventory at {@code file} (warnings printed), or empty after printing its problems to {@code err}. */
    static Optional<Inventory> load(Path file, PrintWriter err) {
        InventoryOption option = new InventoryOption();
        option.file = file;
        try {
            return Optional.of(option.load(err));
        } catch (InventoryException e) {
            print(e, file, err);
            return Optional.empty();
        }
    }

    /** Prints {@code e}, the problems of {@code file} (null when unknown). */
    static void print(InventoryException e, Path file, PrintWriter err) {
        err.println(e.format());
        err.printf("%s: invalid (%d error%s); no host was contacted%n", file == null ? "inventory" : file, e.errors().size(),
                e.errors().size() == 1 ? "" : "s");
    }
}
