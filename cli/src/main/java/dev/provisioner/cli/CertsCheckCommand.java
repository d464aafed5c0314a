package dev.provisioner.cli;

import dev.provisioner.inventory.InventoryException;
import dev.provisioner.pki.CertificateStatus;
import dev.provisioner.pki.ClusterPki;
import dev.provisioner.pki.ExpiryStatus;
import dev.provisioner.pki.PkiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code provisioner certs check}: expiry of every certificate in the state directory, as a table. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Show the expiry of every certificate in the state directory.",
        description = "Status: OK, EXPIRING (within 30 days; the next apply renews it; a warning) or EXPIRED (exit code"
                + " 4). No certificates found, or one that cannot be read: exit code 1. With --hosts it also connects to"
                + " every host and reads the certificate it serves on 6443, 2379, 2380, 10250 and 5000 (openssl s_client"
                + " on the host against its own address), with its expiry and whether it is the state directory's:"
                + " a served certificate that is not (STALE) or has expired: exit code 4; a host not reached: exit code 3."
                + " During a CA rotation (`certs renew --ca`) the table lists the other CAs too (<ca>.next, <ca>.old)"
                + " and a line names the rotation's phase.")
@Exits({ExitCode.OK, ExitCode.ERROR, ExitCode.INVALID_INPUT, ExitCode.UNREACHABLE, ExitCode.STEP_FAILED})
public final class CertsCheckCommand implements Callable<Integer> {
    /** Exit code when a certificate has expired: a failed check, like a failed step. */
    public static final int EXIT_EXPIRED = ExitCodes.STEP_FAILED;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Mixin
    ClusterStateOptions cluster;

    @Mixin
    OutputOptions output;

    @Mixin
    ConnectOptions connect;

    @CommandLine.Option(names = "--hosts", description = "also read the certificate every host serves on 6443, 2379, 2380,"
            + " 10250 and 5000 and compare it with the state directory")
    boolean hosts;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ClusterPki pki;

    public CertsCheckCommand() {
        this(ClusterPki.standard());
    }

    /** For tests and embedders: a PKI with its own options (e.g. a fixed clock). */
    public CertsCheckCommand(ClusterPki pki) {
        this.pki = pki;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path state;
        List<CertificateStatus> statuses;
        try {
            state = cluster.stateDirectory();
            statuses = pki.status(state);
            pki.caRotation(state);
        } catch (InventoryException e) {
            err.println(e.format());
            return ExitCodes.INVALID_INPUT;
        } catch (PkiException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        if (statuses.isEmpty()) {
            err.println("error: no certificates in " + ClusterPki.pkiDirectory(state)
                    + " (run `provisioner certs ensure` or `provisioner apply` first, or pass --state)");
            return ExitCodes.ERROR;
        }
        printTable(out, statuses);
        pki.caRotation(state).ifPresent(r -> out.printf("%nCA rotation in progress (started %s): %s %s%n",
                DATE.format(r.started()), r.phase().name(), r.phase().description()));
        long expired = count(statuses, ExpiryStatus.EXPIRED);
        long expiring = count(statuses, ExpiryStatus.EXPIRING);
        out.printf("%n%d certificates in %s: %d OK, %d EXPIRING, %d EXPIRED%n", statuses.size(),
                ClusterPki.pkiDirectory(state), statuses.size() - expired - expiring, expiring, expired);
        if (expiring > 0) {
            err.println("warning: " + expiring + " certificate(s) expire within "
                    + pki.options().renewBefore().toDays() + " days; `provisioner apply` renews cluster certificates");
        }
        int served = hosts ? ServedTable.check(cluster, connect, state, pki.options().clock().instant(), out, err) : ExitCodes.OK;
        if (expired > 0) {
            err.println("error: " + expired + " certificate(s) have expired");
            return EXIT_EXPIRED;
        }
        return served;
    }

    private static long count(List<CertificateStatus> statuses, ExpiryStatus status) {
        return statuses.stream().filter(s -> s.status() == status).count();
    }

    private static void printTable(PrintWriter out, List<CertificateStatus> statuses) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "STATUS", "EXPIRES (UTC)", "DAYS", "SUBJECT", "SANS"});
        for (CertificateStatus s : statuses) {
            rows.add(new String[] {s.name(), s.status().name(), DATE.format(s.notAfter()), Long.toString(s.daysLeft()),
                    s.subject(), s.sans().isEmpty() ? "-" : String.join(",", s.sans())});
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                line.append(String.format(i == 3 ? "%" + width[i] + "s  " : "%-" + width[i] + "s  ", r[i]));
            }
            out.println(line.append(r[5]));
        }
    }
}
