package dev.provisioner.cli;

import dev.provisioner.api.HostReport;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.StepFailure;
import dev.provisioner.api.StepStatus;

import java.io.PrintWriter;
import java.util.Locale;

/** The per-host table that ends {@code apply} (and {@code plan}), then every failure in full. */
final class Summary {
    private Summary() {
    }

    static void print(PrintWriter out, ProvisionReport report) {
        out.println();
        out.printf("%-14s %-10s %9s %7s %6s %7s %8s %11s %6s %8s%n", "HOST", "STATUS", "UNCHANGED", "CHANGED", "FAILED",
                "SKIPPED", "DURATION", "ROUND-TRIPS", "FILES", "RESTARTS");
        for (HostReport h : report.hosts()) {
            out.printf("%-14s %-10s %9d %7d %6d %7d %7.1fs %11d %6d %8d%n", h.host(),
                    h.status().name().toLowerCase(Locale.ROOT), h.count(StepStatus.UNCHANGED), h.count(StepStatus.CHANGED),
                    h.count(StepStatus.FAILED), h.count(StepStatus.SKIPPED), h.duration().toMillis() / 1000.0,
                    h.counters().roundTrips(), h.counters().filesWritten(), h.counters().unitsRestarted());
        }
        for (StepFailure f : report.failures()) {
            out.printf("%nFAILED on %s, phase %s, step %s: %s (exit code %d)%n", f.host(), f.phase(), f.step(), f.action(),
                    f.exitCode());
            if (!f.stderrTail().isBlank()) {
                f.stderrTail().lines().forEach(l -> out.println("  | " + l));
            } else {
                out.println("  " + f.message());
            }
        }
        out.flush();
    }
}
