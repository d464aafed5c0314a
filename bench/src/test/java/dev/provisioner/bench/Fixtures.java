package dev.provisioner.bench;

import dev.provisioner.bench.reference.RefRun;
import dev.provisioner.bench.reference.Reference;

import java.util.ArrayList;
import java.util.List;

/** Measurements with made-up but plausible numbers, for the report writers' tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Measurement measurement(int hosts, int run, Scenario scenario, double wall) {
        return new Measurement(hosts, run, scenario, wall, wall / 2, scenario == Scenario.NOOP ? 1 : 4,
                scenario == Scenario.NOOP ? 1 : 4, 1, 1500.5, 9L * hosts, 2L * hosts, hosts, 40, 150,
                new Measurement.Breakdown(0.05, 0.1, 0.08, wall / 2), wall * 100, 20 + 2 * hosts);
    }

    /** {@code m} as if the lab hosts' CPU counters could not be read. */
    static Measurement unreadHostCpu(Measurement m) {
        return new Measurement(m.hosts(), m.run(), m.scenario(), m.wallSeconds(), m.cpuSeconds(), m.roundTripsPerHost(),
                m.maxRoundTrips(), m.connectionsPerHost(), m.bytesPerHost(), m.filesWritten(), m.unitsRestarted(),
                m.changedHosts(), m.peakHeapMb(), m.peakRssMb(), m.time(), Double.NaN, m.peakThreads());
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

    /**
     * The references at 1, 5 and 10 hosts, three runs each; wall = base * (1 + N / 10) + run / 10 with
     * base 2.0 (expert first converge), 0.4 (expert no-op), 0.8 (expert change), 0.25 (floor); the lab
     * hosts' CPU per host is 80 ms per second of wall, the ssh clients' CPU 0.01 s per host.
     */
    static List<RefRun> references() {
        List<RefRun> out = new ArrayList<>();
        for (int n : List.of(1, 5, 10)) {
            for (int run = 1; run <= 3; run++) {
                out.add(ref(n, run, Reference.EXPERT, Scenario.FIRST, 2.0));
                out.add(ref(n, run, Reference.EXPERT, Scenario.NOOP, 0.4));
                out.add(ref(n, run, Reference.EXPERT, Scenario.CHANGED, 0.8));
                out.add(ref(n, run, Reference.FLOOR, Scenario.NOOP, 0.25));
            }
        }
        return out;
    }

    private static RefRun ref(int n, int run, Reference reference, Scenario scenario, double base) {
        double wall = base * (1 + n / 10.0) + run / 10.0;
        return new RefRun(n, run, reference, scenario, wall, 0.01 * n, wall * 80);
    }
}
