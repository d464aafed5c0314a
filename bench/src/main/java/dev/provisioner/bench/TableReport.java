package dev.provisioner.bench;

import dev.provisioner.bench.reference.RefRow;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human-readable results: a table per host count (with what the lab hosts themselves spent and
 * how much of the machine's cores that was, and ours beside the references), the growth fits and the JVM start times.
 */
final class TableReport {
    private TableReport() {
    }

    static String render(List<Row> rows, List<RefRow> refs, Map<Scenario, Fit> fits, List<StartTime> starts, LabCpu labCpu) {
        StringBuilder s = new StringBuilder();
        labCpu.unavailable().ifPresent(why -> s.append(String.format(Locale.ROOT,
                "%nhostCPU (the lab hosts' own CPU): n/a, %s%n", why)));
        for (int n : rows.stream().map(Row::hosts).distinct().sorted().toList()) {
            List<Row> block = rows.stream().filter(r -> r.hosts() == n).toList();
            s.append(String.format(Locale.ROOT, "%nN = %d host%s, %d run%s%n", n, n == 1 ? "" : "s",
                    block.get(0).wall().count(), block.get(0).wall().count() == 1 ? "" : "s"));
            s.append(String.format(Locale.ROOT, "  %-18s %-24s %-24s %9s %8s %9s %7s %6s %15s  %s%n", "scenario",
                    "wall s  median [min-max]", "CPU s  median [min-max]", "RT/host", "SSH/host", "KiB/host",
                    "heap MB", "RSS MB", "hostCPU ms/host", "setup/connect/facts/apply s"));
            for (Row r : block) {
                s.append(String.format(Locale.ROOT, "  %-18s %-24s %-24s %9s %8.2f %9.1f %7.0f %6.0f %15s  %.2f/%.2f/%.2f/%.2f%n",
                        r.scenario().label(), range(r.wall()), range(r.cpu()),
                        String.format(Locale.ROOT, "%.2f (%d)", r.roundTripsPerHost(), r.maxRoundTrips()),
                        r.connectionsPerHost(), r.bytesPerHost() / 1024, r.peakHeapMb(), r.peakRssMb(),
                        r.hostCpuMs().count() == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", r.hostCpuMs().median()),
                        r.time().setup(), r.time().connect(), r.time().facts(), r.time().apply()));
            }
            ReferenceSection.render(s, n, block, refs);
            perHost(s, block);
            hostShare(s, n, block, labCpu);
        }
        if (!rows.isEmpty()) {
            s.append(String.format(Locale.ROOT, "%nGrowth of wall time with N (least squares over the medians):%n"));
            fits.forEach((scenario, fit) -> s.append(String.format(Locale.ROOT, "  %-18s %s%n", scenario.label(), describe(fit))));
            scale(s, rows);
        }
        s.append(String.format(Locale.ROOT, "%nJVM start (not included above), median [min-max]:%n"));
        for (StartTime t : starts) {
            s.append(String.format(Locale.ROOT, "  %-58s %s s over %d%n", t.command(), range(t.seconds()), t.seconds().count()));
        }
        return s.toString();
    }

    /** The controller's CPU, peak RSS and peak threads of each scenario, divided by N. */
    private static void perHost(StringBuilder s, List<Row> block) {
        s.append("  controller per host (CPU ms / peak RSS MB / peak threads, each divided by N):");
        for (Row r : block) {
            ControllerCost.PerHost p = ControllerCost.PerHost.of(r);
            s.append(String.format(Locale.ROOT, " %s %.1f / %.2f / %.2f;", r.scenario().label(), p.cpuMs(), p.rssMb(),
                    p.threads()));
        }
        s.setLength(s.length() - 1);
        s.append('\n');
    }

    /** Per scenario: the controller's cost as fixed + per extra host, and projected to 1,000 hosts. */
    private static void scale(StringBuilder s, List<Row> rows) {
        s.append(String.format(Locale.ROOT, "%nController cost with N (least squares: fixed + per extra host), projected to"
                + " %,d hosts at parallelism = N:%n", ControllerCost.PROJECTED));
        for (Scenario sc : Scenario.values()) {
            ControllerCost.of(rows, sc).ifPresentOrElse(c -> s.append(String.format(Locale.ROOT,
                    "  %-18s CPU %.3f s + %.1f ms/host -> %.1f s; peak RSS %.0f MB + %.2f MB/host -> %.0f MB;"
                            + " threads %.0f + %.2f/host -> %.0f%n", sc.label(),
                    c.cpu().intercept(), 1000 * c.cpu().slope(), ControllerCost.at(c.cpu(), ControllerCost.PROJECTED),
                    c.rssMb().intercept(), c.rssMb().slope(), ControllerCost.at(c.rssMb(), ControllerCost.PROJECTED),
                    c.threads().intercept(), c.threads().slope(), ControllerCost.at(c.threads(), ControllerCost.PROJECTED))),
                    () -> s.append(String.format(Locale.ROOT, "  %-18s needs at least %d host counts%n", sc.label(),
                            ControllerCost.MIN_HOST_COUNTS)));
        }
    }

    /**
     * Per scenario: the lab hosts' CPU per run in total and as a share of all cores over the wall time
     * (with the controller's CPU added in brackets), from the medians; then the idle hosts' CPU.
     */
    private static void hostShare(StringBuilder s, int n, List<Row> block, LabCpu labCpu) {
        if (block.stream().allMatch(r -> r.hostCpuMs().count() == 0)) {
            s.append(labCpu.unavailable().isPresent() ? "  lab hosts' CPU per run: n/a (see above)\n"
                    : "  lab hosts' CPU per run: n/a (the counters could not be read)\n");
            return;
        }
        s.append(String.format(Locale.ROOT, "  lab hosts' CPU per run (medians), as a share of %d cores over the wall time"
                + " [with the controller's CPU]:%n", labCpu.cores()));
        for (Row r : block) {
            if (r.hostCpuMs().count() == 0) {
                s.append(String.format(Locale.ROOT, "    %-18s n/a%n", r.scenario().label()));
                continue;
            }
            double total = r.hostCpuMs().median() * n / 1000;
            double capacity = r.wall().median() * labCpu.cores();
            s.append(String.format(Locale.ROOT, "    %-18s %.2f s total = %.0f%% [%.0f%%]%n", r.scenario().label(), total,
                    100 * total / capacity, 100 * (total + r.cpu().median()) / capacity));
        }
        LabCpu.Idle idle = labCpu.idle().get(n);
        if (idle != null) {
            s.append(String.format(Locale.ROOT, "  idle lab hosts over %.2f s (as long as the no-op): %s ms/host%n",
                    idle.seconds(), Double.isNaN(idle.msPerHost()) ? "n/a" : String.format(Locale.ROOT, "%.1f", idle.msPerHost())));
        }
    }

    static String describe(Fit fit) {
        if (!fit.defined()) {
            return "needs at least two host counts";
        }
        String growth = Double.isNaN(fit.exponent()) ? "" : String.format(Locale.ROOT, ", t ~ N^%.2f (%s)", fit.exponent(),
                fit.exponent() < 0.9 ? "sub-linear" : fit.exponent() <= 1.1 ? "about linear" : "super-linear");
        return String.format(Locale.ROOT, "%.3f s + %.4f s per host%s", fit.intercept(), fit.slope(), growth);
    }

    static String range(Stats st) {
        return String.format(Locale.ROOT, "%.3f [%.3f-%.3f]", st.median(), st.min(), st.max());
    }
}
