package dev.provisioner.bench.reference;

import dev.provisioner.bench.Scenario;
import dev.provisioner.bench.Stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The repetitions of one reference in one scenario at one host count, summarised.
 *
 * @param hosts     N
 * @param reference which reference
 * @param scenario  the scenario ({@link Scenario#NOOP} for the floor)
 * @param wall      wall seconds
 * @param clientCpu the ssh clients' CPU seconds on the controller machine
 * @param hostCpuMs the lab hosts' CPU ms per host over the runs that could read it (count 0 and NaN when none)
 */
public record RefRow(int hosts, Reference reference, Scenario scenario, Stats wall, Stats clientCpu, Stats hostCpuMs) {

    /** One row per (N, reference, scenario) present in {@code runs}, ordered by N, reference, scenario. */
    public static List<RefRow> of(List<RefRun> runs) {
        List<RefRow> rows = new ArrayList<>();
        runs.stream().map(r -> new Key(r.hosts(), r.reference(), r.scenario())).distinct()
                .sorted(Comparator.comparingInt(Key::hosts).thenComparing(Key::reference).thenComparing(Key::scenario))
                .forEach(k -> {
                    List<RefRun> group = runs.stream().filter(r -> k.equals(new Key(r.hosts(), r.reference(), r.scenario())))
                            .toList();
                    rows.add(new RefRow(k.hosts(), k.reference(), k.scenario(),
                            Stats.of(group.stream().map(RefRun::wallSeconds).toList()),
                            Stats.of(group.stream().map(RefRun::clientCpuSeconds).toList()),
                            finite(group.stream().map(RefRun::hostCpuMsPerHost).filter(Double::isFinite).toList())));
                });
        return rows;
    }

    private static Stats finite(List<Double> values) {
        return values.isEmpty() ? new Stats(Double.NaN, Double.NaN, Double.NaN, 0) : Stats.of(values);
    }

    private record Key(int hosts, Reference reference, Scenario scenario) {
        Key {
            Objects.requireNonNull(reference);
            Objects.requireNonNull(scenario);
        }
    }
}
