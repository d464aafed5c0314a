package dev.provisioner.cli;

import dev.provisioner.lab.LabSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Which lab a {@code lab} subcommand works on. By default the checkout's lab: containers
 * {@code provisioner-lab-*}, inventory {@code inventories/lab.yaml}, key and known_hosts in
 * {@code .provisioner/lab/}, all relative to the checkout ({@code -Dprovisioner.home}, which
 * {@code bin/provisioner} sets; else the working directory), wherever the command is run from.
 */
final class LabOptions {
    /** System property naming the checkout; set by bin/provisioner. */
    static final String HOME_PROPERTY = "provisioner.home";

    @Option(names = "--name", paramLabel = "NAME", description = "lab name (default: lab); containers are provisioner-NAME-<host>")
    String name;

    @Option(names = {"-i", "--inventory"}, paramLabel = "FILE",
            description = "the lab's inventory file (default: inventories/NAME.yaml in the checkout)")
    Path inventory;

    @Option(names = "--lab-dir", paramLabel = "DIR",
            description = "where the lab keeps its SSH key and known_hosts (default: .provisioner/NAME in the checkout)")
    Path labDir;

    @Option(names = "--image", paramLabel = "IMAGE", description = "lab host image (default: provisioner-lab:bookworm)")
    String image;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    static Path home() {
        return Path.of(System.getProperty(HOME_PROPERTY, "")).toAbsolutePath().normalize();
    }

    /** The options as given, to repeat in hints ("provisioner lab down" + this). */
    String asArguments() {
        StringBuilder b = new StringBuilder();
        if (name != null) {
            b.append(" --name ").append(name);
        }
        if (inventory != null) {
            b.append(" -i ").append(inventory);
        }
        if (labDir != null) {
            b.append(" --lab-dir ").append(labDir);
        }
        return b.toString();
    }

    LabSettings settings() {
        Path home = home();
        LabSettings d = LabSettings.inCheckout(home);
        String n = name != null ? name : d.name();
        try {
            return new LabSettings(n, image != null ? image : d.image(),
                labDir != null ? labDir.toAbsolutePath() : home.resolve(".provisioner").resolve(n),
                inventory != null ? inventory.toAbsolutePath() : home.resolve("inventories").resolve(n + ".yaml"),
                d.scriptsDir(), d.docker());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
