package dev.provisioner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code provisioner lab}: a local lab of containers that behave like VMs (systemd, sshd). */
@Command(name = "lab", mixinStandardHelpOptions = true,
        header = "A local lab: containers with systemd and sshd that behave like VMs, and their inventory.",
        subcommands = {LabUpCommand.class, LabStatusCommand.class, LabDownCommand.class})
public final class LabCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
