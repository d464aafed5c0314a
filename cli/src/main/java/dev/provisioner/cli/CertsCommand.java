package dev.provisioner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code provisioner certs}: the cluster PKI in the local state directory, without contacting any host.
 * Subcommands: {@code check}, {@code ensure}, {@code issue}.
 */
@Command(name = "certs", mixinStandardHelpOptions = true,
        header = "Inspect and manage the cluster's certificates in the local state directory; contacts no host.",
        subcommands = {CertsCheckCommand.class, CertsEnsureCommand.class, CertsIssueCommand.class, CertsRenewCommand.class})
public final class CertsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
