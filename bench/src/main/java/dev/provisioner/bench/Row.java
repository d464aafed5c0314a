package dev.provisioner.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The repetitions of one scenario at one host count, summarised.
 *
 * @param hosts    N
 * @param scenario the scenario
 * @param wall     wall seconds
 * @param cpu      controller CPU seconds
 * @param roundTripsPerHost  median of the per-run means
 * @param maxRoundTrips      largest per-host round trips over all runs
 * @param connectionsPerHost median connections per host
 * @param bytesPerHost       median bytes sent per host
 * @param peakHeapMb         largest peak heap over the runs
 * @param peakRssMb          largest peak RSS over the runs
 * @param time               medians of the runs' time breakdowns
 * @param hostCpuMs          the lab hosts' own CPU milliseconds per host, over the runs that could read it
 *                           (count 0 and NaN when none could)
 * @param peakThreads        the controller's largest peak thread count over the runs
 */
public record Row(int hosts, Scenario scenario, Stats wall, Stats cpu, double roundTripsPerHost, long maxRoundTrips,
                  double connectionsPerHost, double bytesPerHost, double peakHeapMb, double peakRssMb,
                  Measurement.Breakdown time, Stats hostCpuMs, int peakThreads) {

    /** Summarises {@code runs}, which must all have the same host count and scenario. */
    public static Row of(List<Measurement> runs) {
        Measurement first = runs.get(0);
        if (runs.stream().anyMatch(m -> m.hosts() != first.hosts() || m.scenario() != first.scenario())) {
            throw new IllegalArgumentException("runs of different host counts or scenarios");
        }
        return new Row(first.hosts(), first.scenario(), stats(runs, Measurement::wallSeconds),
                stats(runs, Measurement::cpuSeconds), stats(runs, Measurement::roundTripsPerHost).median(),
                runs.stream().mapToLong(Measurement::maxRoundTrips).max().orElseThrow(),
                stats(runs, Measurement::connectionsPerHost).median(), stats(runs, Measurement::bytesPerHost).median(),
                stats(runs, Measurement::peakHeapMb).max(), stats(runs, Measurement::peakRssMb).max(),
                new Measurement.Breakdown(stats(runs, m -> m.time().setup()).median(),
                        stats(runs, m -> m.time().connect()).median(), stats(runs, m -> m.time().facts()).median(),
                        stats(runs, m -> m.time().apply()).median()),
                finite(runs.stream().map(Measurement::hostCpuMsPerHost).filter(Double::isFinite).toList()),
                runs.stream().mapToInt(Measurement::peakThreads).max().orElseThrow());
    }

    private static Stats finite(List<Double> values) {
        return values.isEmpty() ? new Stats(Double.NaN, Double.NaN, Double.NaN, 0) : Stats.of(values);
    }

    private static Stats stats(List<Measurement> runs, ToDoubleFunction<Measurement> f) {
        return Stats.of(runs.stream().map(m -> f.applyAsDouble(m)).toList());
    }
}
