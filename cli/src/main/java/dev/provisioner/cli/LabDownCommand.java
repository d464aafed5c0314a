package dev.provisioner.cli;

import dev.provisioner.lab.Lab;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code provisioner lab down}: removes what {@code lab up} made, and nothing else. */
@Command(name = "down", mixinStandardHelpOptions = true,
        header = "Remove the lab's containers and its inventory.",
        description = "Containers are found by their lab label; what was removed is printed. The lab's SSH key and"
                + " the cluster state are kept.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT})
public final class LabDownCommand implements Callable<Integer> {
    @Mixin
    LabOptions lab;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var settings = lab.settings();
        boolean hadInventory = Files.exists(settings.inventory());
        List<String> removed = new Lab(settings).down();
        removed.forEach(c -> out.println("removed container " + c));
        if (hadInventory) {
            out.println("removed " + settings.inventory());
        }
        if (removed.isEmpty() && !hadInventory) {
            out.printf("Nothing to remove: no lab '%s'.%n", settings.name());
        } else {
            out.printf("Kept %s (the lab's SSH key, reused by the next lab up) and the cluster state next to the"
                    + " inventory (PKI, logs); delete them by hand to start from scratch.%n", settings.stateDir());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
