package dev.provisioner.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The fixtures' no-op: controller CPU = half the wall = 0.35 s + 25 ms per host, peak RSS 150 MB
 * whatever N, peak threads 20 + 2 per host.
 */
class ControllerCostTest {
    private static final List<Row> ROWS = BenchMain.rows(Fixtures.grid());

    @Test
    void theFitSplitsFixedAndPerHostCostAndProjectsTo1000Hosts() {
        ControllerCost noop = ControllerCost.of(ROWS, Scenario.NOOP).orElseThrow();
        assertThat(noop.hosts()).containsExactly(1, 5, 10);
        assertThat(noop.cpu().intercept()).isCloseTo(0.35, within(1e-9));
        assertThat(noop.cpu().slope()).isCloseTo(0.025, within(1e-9));
        assertThat(ControllerCost.at(noop.cpu(), ControllerCost.PROJECTED)).isCloseTo(25.35, within(1e-9));
        assertThat(noop.rssMb().slope()).isCloseTo(0, within(1e-9));
        assertThat(ControllerCost.at(noop.rssMb(), 1000)).isCloseTo(150, within(1e-9));
        assertThat(ControllerCost.at(noop.threads(), 1000)).isCloseTo(2020, within(1e-9));
    }

    @Test
    void twoHostCountsAreNotEnoughForAFit() {
        assertThat(ControllerCost.of(ROWS.stream().filter(r -> r.hosts() != 10).toList(), Scenario.NOOP)).isEmpty();
        String table = TableReport.render(ROWS.stream().filter(r -> r.hosts() != 10).toList(), List.of(),
                BenchMain.fits(ROWS), List.of(), new LabCpu(2, Optional.empty(), Map.of()));
        assertThat(table).contains("  no-op re-run       needs at least 3 host counts");
    }

    @Test
    void perHostIsEachCostDividedByN() {
        Row n5 = ROWS.stream().filter(r -> r.hosts() == 5 && r.scenario() == Scenario.NOOP).findFirst().orElseThrow();
        ControllerCost.PerHost p = ControllerCost.PerHost.of(n5);
        assertThat(p.cpuMs()).isCloseTo(95, within(1e-9));
        assertThat(p.rssMb()).isCloseTo(30, within(1e-9));
        assertThat(p.threads()).isCloseTo(6, within(1e-9));
    }

    @Test
    void theTableAndTheCsvCarryThePerHostCostAndTheProjection() {
        String table = TableReport.render(ROWS, List.of(), BenchMain.fits(ROWS), List.of(),
                new LabCpu(2, Optional.empty(), Map.of()));
        assertThat(table).contains("controller per host (CPU ms / peak RSS MB / peak threads, each divided by N):"
                        + " first converge")
                .contains("no-op re-run 95.0 / 30.00 / 6.00;")
                .contains("projected to 1,000 hosts at parallelism = N")
                .contains("  no-op re-run       CPU 0.350 s + 25.0 ms/host -> 25.3 s; peak RSS 150 MB + 0.00 MB/host -> 150 MB;"
                        + " threads 20 + 2.00/host -> 2020");
        assertThat(CsvReport.projection(ROWS).split("\n")).hasSize(1 + 4);
        assertThat(CsvReport.projection(ROWS)).startsWith(CsvReport.PROJECTION_HEADER + "\n")
                .contains("\nnoop,1 5 10,0.350,25.0,150.0,0.000,20.0,2.000,");
        assertThat(CsvReport.summary(ROWS, List.of())).contains("\n5,noop,3,").contains(",30,95.0,30.000,6.000\n");
    }
}
