package dev.provisioner.cli;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.ClusterPki;
import dev.provisioner.pki.PkiBundle;
import dev.provisioner.pki.PkiChange;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code provisioner certs ensure}: the PKI step of {@code apply}, alone and offline. */
@Command(name = "ensure", mixinStandardHelpOptions = true,
        header = "Create, reuse or reissue the cluster's CAs, keys and certificates in the state directory.",
        description = "Reuses what still fits; reissues (same CA, same key) what no longer matches the inventory or"
                + " expires within 30 days; refuses ambiguous states (exit code 1, the message says how to fix it)."
                + " Contacts no host: apply distributes the files.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT})
public final class CertsEnsureCommand implements Callable<Integer> {
    @Mixin
    ClusterStateOptions cluster;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ClusterPki pki;

    public CertsEnsureCommand() {
        this(ClusterPki.standard());
    }

    /** For tests and embedders: a PKI with its own options. */
    public CertsEnsureCommand(ClusterPki pki) {
        this.pki = pki;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return PkiCommandErrors.run(err, () -> {
            Inventory inv = cluster.loadInventory();
            Path state = cluster.stateDirectory(inv);
            PkiBundle bundle = pki.ensure(inv, state);
            int created = 0;
            int reissued = 0;
            for (PkiChange c : bundle.changes()) {
                if (c.outcome() != PkiChange.Outcome.REUSED) {
                    out.println(c.format());
                }
                created += c.outcome() == PkiChange.Outcome.CREATED ? 1 : 0;
                reissued += c.outcome() == PkiChange.Outcome.REISSUED ? 1 : 0;
            }
            out.printf("%s: %d created, %d reissued, %d reused%n", bundle.directory(), created, reissued,
                    bundle.changes().size() - created - reissued);
            return ExitCodes.OK;
        });
    }
}
