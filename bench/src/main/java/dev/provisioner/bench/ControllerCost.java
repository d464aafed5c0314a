package dev.provisioner.bench;

import java.util.List;
import java.util.Optional;

/**
 * How the controller's own cost grows with the number of hosts in one scenario, fitted by least
 * squares over the host counts' medians (CPU) and peaks (RSS, threads): a fixed part plus a part per
 * extra host, and from it the projection to {@link #PROJECTED} hosts. Threads follow the
 * parallelism, which the benchmark sets to N; at a lower {@code cluster.ssh.parallelism} the thread
 * projection is an upper bound.
 *
 * @param scenario the scenario
 * @param hosts    the host counts fitted over
 * @param cpu      controller CPU seconds against N
 * @param rssMb    peak RSS MB against N
 * @param threads  peak live threads against N
 */
record ControllerCost(Scenario scenario, List<Integer> hosts, Fit cpu, Fit rssMb, Fit threads) {
    /** The host count the projection is for. */
    static final int PROJECTED = 1000;

    /** At least this many host counts: a line through two small ones projects noise to 1,000 hosts. */
    static final int MIN_HOST_COUNTS = 3;

    /** The fit of {@code scenario}'s rows, or empty with fewer than {@link #MIN_HOST_COUNTS} host counts. */
    static Optional<ControllerCost> of(List<Row> rows, Scenario scenario) {
        List<Row> series = rows.stream().filter(r -> r.scenario() == scenario).toList();
        List<Double> ns = series.stream().map(r -> (double) r.hosts()).toList();
        if (ns.stream().distinct().count() < MIN_HOST_COUNTS) {
            return Optional.empty();
        }
        return Optional.of(new ControllerCost(scenario, series.stream().map(Row::hosts).toList(),
                Fit.of(ns, series.stream().map(r -> r.cpu().median()).toList()),
                Fit.of(ns, series.stream().map(Row::peakRssMb).toList()),
                Fit.of(ns, series.stream().map(r -> (double) r.peakThreads()).toList())));
    }

    static double at(Fit fit, int hosts) {
        return fit.intercept() + fit.slope() * hosts;
    }

    /** The controller's cost per host of one row: CPU ms, RSS MB and threads, each divided by N. */
    record PerHost(double cpuMs, double rssMb, double threads) {
        static PerHost of(Row r) {
            return new PerHost(1000 * r.cpu().median() / r.hosts(), r.peakRssMb() / r.hosts(),
                    r.peakThreads() / (double) r.hosts());
        }
    }
}
