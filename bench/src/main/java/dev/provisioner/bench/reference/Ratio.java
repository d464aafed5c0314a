package dev.provisioner.bench.reference;

import dev.provisioner.bench.Row;
import dev.provisioner.bench.Scenario;

import java.util.List;
import java.util.Optional;

/**
 * Ours divided by a reference, from the medians: 1.0 is as fast as the reference, 1.3 is 30% above.
 * NaN where either side is missing (no reference run, or host CPU not readable).
 *
 * @param wall    ours' wall / the reference's wall
 * @param hostCpu ours' lab-host CPU per host / the reference's
 */
public record Ratio(double wall, double hostCpu) {
    public static final Ratio NONE = new Ratio(Double.NaN, Double.NaN);

    /** The scenario of {@code reference} that stands beside ours' {@code scenario}. */
    public static Scenario counterpart(Reference reference, Scenario scenario) {
        if (reference == Reference.FLOOR) {
            return Scenario.NOOP;
        }
        return scenario == Scenario.COLD_NOOP ? Scenario.NOOP : scenario;
    }

    /** The reference row beside {@code ours}, if it was measured. */
    public static Optional<RefRow> beside(Row ours, Reference reference, List<RefRow> refs) {
        Scenario s = counterpart(reference, ours.scenario());
        return refs.stream().filter(r -> r.hosts() == ours.hosts() && r.reference() == reference && r.scenario() == s)
                .findFirst();
    }

    /** {@code ours} against {@code reference}, or {@link #NONE} when that reference was not measured. */
    public static Ratio of(Row ours, Reference reference, List<RefRow> refs) {
        return beside(ours, reference, refs)
                .map(r -> new Ratio(divide(ours.wall().median(), r.wall().median()),
                        divide(ours.hostCpuMs().median(), r.hostCpuMs().median())))
                .orElse(NONE);
    }

    private static double divide(double a, double b) {
        return Double.isFinite(a) && Double.isFinite(b) && b > 0 ? a / b : Double.NaN;
    }
}
