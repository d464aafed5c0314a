package dev.provisioner.cli;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.InventoryException;
import dev.provisioner.inventory.ValidationProblem;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loading the inventory for a command that contacts hosts: every problem is printed with its
 * file:line:column, then one line saying that nothing was contacted; warnings are printed too.
 */
final class InventoryFile {
    private InventoryFile() {
    }

    /** The valid inventory at {@code file}, or empty after printing its problems to {@code err}. */
    static Optional<Inventory> load(Path file, PrintWriter err) {
        try {
            Inventory inv = Inventory.load(file);
            inv.warnings().stream().map(ValidationProblem::format).forEach(err::println);
            return Optional.of(inv);
        } catch (InventoryException e) {
            err.println(e.format());
            err.printf("%s: invalid (%d error%s); no host was contacted%n", file, e.errors().size(),
                    e.errors().size() == 1 ? "" : "s");
            return Optional.empty();
        }
    }
}
