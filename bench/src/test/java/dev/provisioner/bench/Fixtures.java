package dev.provisioner.bench;

import java.util.ArrayList;
import java.util.List;

/** Measurements with made-up but plausible numbers, for the report writers' tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Measurement measurement(int hosts, int run, Scenario scenario, double wall) {
        return new Measurement(hosts, run, scenario, wall, wall / 2, scenario == Scenario.NOOP ? 1 : 4,
                scenario == Scenario.NOOP ? 1 : 4, 1, 1500.5, 9L * hosts, 2L * hosts, hosts, 40, 150,
                new Measurement.Breakdown(0.05, 0.1, 0.08, wall / 2), wall * 100);
    }

    /** {@code m} as if the lab hosts' CPU counters could not be read. */
    static Measurement unreadHostCpu(Measurement m) {
        return new Measurement(m.hosts(), m.run(), m.scenario(), m.wallSeconds(), m.cpuSeconds(), m.roundTripsPerHost(),
                m.maxRoundTrips(), m.connectionsPerHost(), m.bytesPerHost(), m.filesWritten(), m.unitsRestarted(),
                m.changedHosts(), m.peakHeapMb(), m.peakRssMb(), m.time(), Double.NaN);
    }

    /**
     * Three runs of each scenario at 1, 5 and 10 hosts; wall = base * (1 + N / 10) + run / 10; the
     * lab hosts' CPU per host is 100 ms per second of wall.
     */
    static List<Measurement> grid() {
        List<Measurement> out = new ArrayList<>();
        for (int n : List.of(1, 5, 10)) {
            for (int run = 1; run <= 3; run++) {
                out.add(measurement(n, run, Scenario.FIRST, 3.0 * (1 + n / 10.0) + run / 10.0));
                out.add(measurement(n, run, Scenario.NOOP, 0.5 * (1 + n / 10.0) + run / 10.0));
                out.add(measurement(n, run, Scenario.CHANGED, 1.0 * (1 + n / 10.0) + run / 10.0));
                out.add(measurement(n, run, Scenario.COLD_NOOP, 2.0 * (1 + n / 10.0) + run / 10.0));
            }
        }
        return out;
    }
}
