package dev.provisioner.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human-readable results: a table per host count, the growth fits and the JVM start times. */
final class TableReport {
    private TableReport() {
    }

    static String render(List<Row> rows, Map<Scenario, Fit> fits, List<StartTime> starts) {
        StringBuilder s = new StringBuilder();
        for (int n : rows.stream().map(Row::hosts).distinct().sorted().toList()) {
            List<Row> block = rows.stream().filter(r -> r.hosts() == n).toList();
            s.append(String.format(Locale.ROOT, "%nN = %d host%s, %d run%s%n", n, n == 1 ? "" : "s",
                    block.get(0).wall().count(), block.get(0).wall().count() == 1 ? "" : "s"));
            s.append(String.format(Locale.ROOT, "  %-18s %-24s %-24s %9s %8s %9s %7s %6s  %s%n", "scenario",
                    "wall s  median [min-max]", "CPU s  median [min-max]", "RT/host", "SSH/host", "KiB/host",
                    "heap MB", "RSS MB", "setup/connect/facts/apply s"));
            for (Row r : block) {
                s.append(String.format(Locale.ROOT, "  %-18s %-24s %-24s %9s %8.2f %9.1f %7.0f %6.0f  %.2f/%.2f/%.2f/%.2f%n",
                        r.scenario().label(), range(r.wall()), range(r.cpu()),
                        String.format(Locale.ROOT, "%.2f (%d)", r.roundTripsPerHost(), r.maxRoundTrips()),
                        r.connectionsPerHost(), r.bytesPerHost() / 1024, r.peakHeapMb(), r.peakRssMb(),
                        r.time().setup(), r.time().connect(), r.time().facts(), r.time().apply()));
            }
        }
        s.append(String.format(Locale.ROOT, "%nGrowth of wall time with N (least squares over the medians):%n"));
        fits.forEach((scenario, fit) -> s.append(String.format(Locale.ROOT, "  %-18s %s%n", scenario.label(), describe(fit))));
        s.append(String.format(Locale.ROOT, "%nJVM start (not included above), median [min-max]:%n"));
        for (StartTime t : starts) {
            s.append(String.format(Locale.ROOT, "  %-58s %s s over %d%n", t.command(), range(t.seconds()), t.seconds().count()));
        }
        return s.toString();
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
