package dev.provisioner.cli;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.InventoryException;
import dev.provisioner.inventory.LocalFileCheck;
import dev.provisioner.inventory.ValidationProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code provisioner validate -i FILE}: checks an inventory without contacting any host. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check an inventory file; contacts no host.",
        description = "Prints every problem with file:line:column and what to do about it, then one line saying whether"
                + " the inventory is valid (warnings may be printed).")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT})
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    InventoryOption inventory;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Inventory inv = Inventory.load(inventory.file());
            for (ValidationProblem w : inv.warnings()) {
                err.println(w.format());
            }
            List<String> missing = LocalFileCheck.problems(inv);
            if (!missing.isEmpty()) {
                missing.forEach(m -> err.println(inventory.file() + ": " + m));
                err.printf("%s: invalid (%d error%s)%n", inventory.file(), missing.size(), missing.size() == 1 ? "" : "s");
                return ExitCodes.INVALID_INPUT;
            }
            out.printf("%s: valid (%d hosts: %d master, %d node, %s registry)%n", inventory.file(), inv.hosts().size(),
                    inv.view().masters().size(), inv.view().nodes().size(),
                    inv.view().registryHost().map(h -> h.name()).orElse("no"));
            return ExitCodes.OK;
        } catch (InventoryException e) {
            err.println(e.format());
            err.printf("%s: invalid (%d error%s)%n", inventory.file(), e.errors().size(), e.errors().size() == 1 ? "" : "s");
            return ExitCodes.INVALID_INPUT;
        }
    }
}
