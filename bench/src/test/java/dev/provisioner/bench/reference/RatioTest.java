package dev.provisioner.bench.reference;

import dev.provisioner.bench.Measurement;
import dev.provisioner.bench.Row;
import dev.provisioner.bench.Scenario;
import dev.provisioner.bench.Stats;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RatioTest {
    private static Row ours(int n, Scenario s, double wall, double hostCpuMs) {
        return new Row(n, s, one(wall), one(wall / 2), 1, 1, 1, 100, 10, 50, new Measurement.Breakdown(0, 0, 0, 0),
                Double.isNaN(hostCpuMs) ? new Stats(Double.NaN, Double.NaN, Double.NaN, 0) : one(hostCpuMs), 20);
    }

    private static Stats one(double v) {
        return Stats.of(List.of(v));
    }

    private static final List<RefRow> REFS = RefRow.of(List.of(
            new RefRun(10, 1, Reference.FLOOR, Scenario.NOOP, 1.0, 0.1, 100),
            new RefRun(10, 2, Reference.FLOOR, Scenario.NOOP, 1.2, 0.1, 120),
            new RefRun(10, 3, Reference.FLOOR, Scenario.NOOP, 5.0, 0.1, 110),
            new RefRun(10, 1, Reference.EXPERT, Scenario.FIRST, 8.0, 0.2, 1600),
            new RefRun(10, 1, Reference.EXPERT, Scenario.NOOP, 1.5, 0.2, 150),
            new RefRun(20, 1, Reference.FLOOR, Scenario.NOOP, 2.0, 0.2, 200)));

    @Test
    void summariesAreMediansPerHostCountReferenceAndScenario() {
        assertThat(REFS).hasSize(4);
        RefRow floor10 = REFS.get(0);
        assertThat(floor10.reference()).isEqualTo(Reference.FLOOR);
        assertThat(floor10.wall()).isEqualTo(new Stats(1.2, 1.0, 5.0, 3));
        assertThat(floor10.hostCpuMs().median()).isEqualTo(110);
    }

    @Test
    void everyScenarioIsComparedWithTheFloorAndWithTheExpertsSameScenario() {
        Ratio first = Ratio.of(ours(10, Scenario.FIRST, 9.6, 1760), Reference.EXPERT, REFS);
        assertThat(first.wall()).isCloseTo(1.2, within(1e-9));
        assertThat(first.hostCpu()).isCloseTo(1.1, within(1e-9));
        Ratio firstVsFloor = Ratio.of(ours(10, Scenario.FIRST, 9.6, 1760), Reference.FLOOR, REFS);
        assertThat(firstVsFloor.wall()).isCloseTo(8.0, within(1e-9));
        assertThat(firstVsFloor.hostCpu()).isCloseTo(16.0, within(1e-9));
        // the fresh-JVM no-op stands beside the expert's no-op (the script is a fresh process every time)
        assertThat(Ratio.of(ours(10, Scenario.COLD_NOOP, 3.0, 150), Reference.EXPERT, REFS).wall()).isCloseTo(2.0, within(1e-9));
        assertThat(Ratio.of(ours(20, Scenario.NOOP, 2.6, 260), Reference.FLOOR, REFS).wall()).isCloseTo(1.3, within(1e-9));
    }

    @Test
    void aMissingReferenceOrUnreadableCpuGivesNaNNotANumber() {
        assertThat(Ratio.of(ours(10, Scenario.CHANGED, 2.0, 400), Reference.EXPERT, REFS)).isEqualTo(Ratio.NONE);
        assertThat(Ratio.of(ours(5, Scenario.NOOP, 2.0, 400), Reference.FLOOR, REFS)).isEqualTo(Ratio.NONE);
        Ratio noCpu = Ratio.of(ours(10, Scenario.NOOP, 2.4, Double.NaN), Reference.FLOOR, REFS);
        assertThat(noCpu.wall()).isCloseTo(2.0, within(1e-9));
        assertThat(noCpu.hostCpu()).isNaN();
    }
}
