package dev.provisioner.cli;

import dev.provisioner.api.InvalidSetupException;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.ServedCertificate;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.InventoryException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code certs check --hosts}: the certificate each host serves per port, as a table, and the exit code it implies. */
final class ServedTable {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ServedTable() {
    }

    static int check(ClusterStateOptions cluster, ConnectOptions connect, Path state, Instant now, PrintWriter out, PrintWriter err) {
        Inventory inv;
        try {
            inv = cluster.loadInventory();
        } catch (InventoryException e) {
            err.println(e.format());
            return ExitCodes.INVALID_INPUT;
        }
        Provisioner.Builder b = Provisioner.builder().inventory(cluster.facadeInventory()).stateDirectory(state).parallelism(connect.parallel());
        if (connect.transport != null) {
            b.transport(connect.transport);
        }
        List<ServedCertificate> served;
        try {
            served = b.build().servedCertificates();
        } catch (InvalidSetupException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            return ExitCodes.INVALID_INPUT;
        }
        out.printf("%n%-12s %-6s %-9s %-17s %s%n", "HOST", "PORT", "STATE", "EXPIRES (UTC)", "SUBJECT / SHA-256");
        int stale = 0;
        int unreached = 0;
        for (ServedCertificate s : served) {
            if (!s.error().isEmpty()) {
                unreached++;
                out.printf("%-12s %-6s %-9s %-17s %s%n", s.host(), "-", "UNREACHED", "-", s.error());
                continue;
            }
            if (!s.listening()) {
                out.printf("%-12s %-6d %-9s %-17s %s%n", s.host(), s.port(), "-", "-", "no TLS server");
                continue;
            }
            boolean expired = s.notAfter().map(now::isAfter).orElse(false);
            String st = expired ? "EXPIRED" : s.matchesState() ? "OK" : "STALE";
            if (!st.equals("OK")) {
                stale++;
            }
            out.printf("%-12s %-6d %-9s %-17s %s %s%n", s.host(), s.port(), st,
                    s.notAfter().map(DATE::format).orElse("-"), s.subject(), s.sha256().substring(0, 16));
        }
        out.flush();
        if (stale > 0) {
            err.println("error: " + stale + " served certificate(s) are not the state directory's or have expired"
                    + " (STALE: not distributed, or the service was not restarted; run `provisioner certs renew` or `apply`)");
        }
        return unreached > 0 ? ExitCodes.UNREACHABLE : stale > 0 ? ExitCodes.STEP_FAILED : ExitCodes.OK;
    }
}
