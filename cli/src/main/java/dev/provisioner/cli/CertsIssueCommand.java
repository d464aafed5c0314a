package dev.provisioner.cli;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.AppCertificate;
import dev.provisioner.pki.AppCertificateRequest;
import dev.provisioner.pki.ClusterPki;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code provisioner certs issue --name my-nginx}: a serving certificate for an app, from the cluster CA. */
@Command(name = "issue", mixinStandardHelpOptions = true,
        header = "Issue a serving certificate for an application from the cluster CA.",
        description = "Replaces the `openssl req -x509` step of a TLS Secret. SANs: NAME, NAME.NAMESPACE,"
                + " NAME.NAMESPACE.svc, NAME.NAMESPACE.svc.<clusterDomain> and every --san. Run again: reused while the"
                + " names match. An inconsistent stored PKI or a file that cannot be written: exit code 1.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT})
public final class CertsIssueCommand implements Callable<Integer> {
    @Mixin
    ClusterStateOptions cluster;

    @Mixin
    OutputOptions output;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Service name, also the certificate's CN")
    String name;

    @Option(names = "--namespace", defaultValue = "default", paramLabel = "NS", description = "the Service's namespace (default: ${DEFAULT-VALUE})")
    String namespace;

    @Option(names = "--san", split = ",", paramLabel = "NAME|IP", description = "another DNS name or IP address (repeatable)")
    List<String> sans = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "write NAME.key (0600) and NAME.crt here (default: <state>/pki/apps/)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ClusterPki pki;

    public CertsIssueCommand() {
        this(ClusterPki.standard());
    }

    /** For tests and embedders: a PKI with its own options. */
    public CertsIssueCommand(ClusterPki pki) {
        this.pki = pki;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AppCertificateRequest request;
        try {
            request = new AppCertificateRequest(name, namespace, sans);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return PkiCommandErrors.run(err, () -> {
            Inventory inv = cluster.loadInventory();
            AppCertificate cert = pki.issueServing(inv, cluster.stateDirectory(inv), request, Optional.ofNullable(out));
            stdout.printf("%s %s: certificate %s (0644), key %s (0600), valid until %s%n",
                    cert.change().outcome().name().toLowerCase(Locale.ROOT), name, cert.certificate(), cert.privateKey(),
                    cert.notAfter());
            if (!cert.change().detail().isEmpty()) {
                stdout.println("  because: " + cert.change().detail());
            }
            stdout.println("  SANs: " + String.join(", ", cert.sans()));
            stdout.println("  signed by the cluster CA: " + cert.caCertificate());
            stdout.printf("  as a TLS Secret: kubectl create secret tls %s --cert=%s --key=%s%n", name + "-tls",
                    cert.certificate(), cert.privateKey());
            return ExitCodes.OK;
        });
    }
}
