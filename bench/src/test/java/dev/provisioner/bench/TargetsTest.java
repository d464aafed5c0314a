package dev.provisioner.bench;

import dev.provisioner.bench.reference.RefRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetsTest {
    @Test
    void eachTargetIsJudgedFromTheMediansOrSaysItWasNotMeasured() {
        List<Row> rows = BenchMain.rows(Fixtures.grid());
        List<RefRow> refs = RefRow.of(Fixtures.references());
        List<ClusterRow> cluster = ClusterRow.of(ClusterReportTest.runs().stream()
                .map(r -> new ClusterRun(r.hosts() == 4 ? 10 : r.hosts(), 10, r.run(), r.kind(), r.wallSeconds(),
                        r.controllerCpuSeconds(), r.hostCpuMsPerHost(), r.roundTrips(), r.filesWritten(), r.unitsRestarted()))
                .toList());
        List<StartTime> starts = List.of(new StartTime("bin/provisioner --version", new Stats(0.21, 0.2, 0.25, 7)));
        String md = Targets.markdown("20261207-000000", rows, refs, cluster, starts);
        assertThat(md).contains("`bench/results/20261207-000000`");
        // N = 10 (fixtures): no-op 0.5 * 2 + 0.2 = 1.2 s against the floor's 0.25 * 2 + 0.2 = 0.7 s
        assertThat(md).contains("| N = 10, no-op re-run: wall <= 1.3x ssh true | 1.71x (1.20 s vs 0.70 s) | missed |");
        // first converge 3 * 2 + 0.2 = 6.2 s against the expert's 2 * 2 + 0.2 = 4.2 s
        assertThat(md).contains("| N = 10, first converge: wall <= 1.2x expert script | 1.48x (6.20 s vs 4.20 s) | missed |");
        assertThat(md).contains("| N = 20, no-op re-run: wall <= 1.3x ssh true | - | not measured in this run |");
        // the cluster's CLI no-op: 2.2 s against the floor's 1.1 s, 165 ms against 110 ms
        assertThat(md).contains("CLI no-op (`bin/provisioner apply`, standard plan): wall <= 2.5x floor | 2.00x (2.20 s vs 1.10 s) | met |");
        assertThat(md).contains("lab-host CPU per host <= 2.0x floor | 1.50x (165 ms vs 110 ms) | met |");
        assertThat(md).contains("| `bin/provisioner apply` of one converged host (wall, JVM start included) < 0.8 s | 0.77 s | met |");
        assertThat(md).contains("| `bin/provisioner --version` (wall) < 0.3 s | 0.21 s | met |");
        assertThat(md).contains("| controller peak RSS at 100 hosts <= 256 MB | - | not measured in this run |");
    }
}
