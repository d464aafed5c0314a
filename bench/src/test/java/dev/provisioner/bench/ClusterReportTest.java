package dev.provisioner.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClusterReportTest {
    /** Lab of 4: floor 1.0/1.1/1.2 s and 100/110/120 ms; CLI no-op 2.0/2.2/2.4 s and 150/165/180 ms. */
    static List<ClusterRun> runs() {
        List<ClusterRun> runs = new ArrayList<>();
        runs.add(new ClusterRun(4, 4, 1, ClusterKind.FIRST_CLI, 120, 20, 9000, 40, 120, 8));
        for (int run = 1; run <= 3; run++) {
            double k = 1 + (run - 1) / 10.0;
            runs.add(new ClusterRun(4, 4, run, ClusterKind.NOOP_WARM, 1.5 * k, 0.8, 140 * k, 4, 0, 0));
            runs.add(new ClusterRun(4, 4, run, ClusterKind.NOOP_CLI, 2.0 * k, 2.5, 150 * k, 4, 0, 0));
            runs.add(new ClusterRun(4, 4, run, ClusterKind.FLOOR, 1.0 * k, 0.1, 100 * k, 0, 0, 0));
            runs.add(new ClusterRun(1, 4, run, ClusterKind.ONE_HOST_CLI, 0.7 * k, 1.0, 160 * k, 1, 0, 0));
        }
        return runs;
    }

    @Test
    void ratiosAreMediansAgainstTheFloorOfTheSameLab() {
        List<ClusterRow> rows = ClusterRow.of(runs());
        ClusterRow cli = rows.stream().filter(r -> r.kind() == ClusterKind.NOOP_CLI).findFirst().orElseThrow();
        assertThat(cli.wall().median()).isCloseTo(2.2, within(1e-9));
        assertThat(cli.wallVsFloor()).isCloseTo(2.0, within(1e-9));
        assertThat(cli.hostCpuVsFloor()).isCloseTo(1.5, within(1e-9));
        assertThat(cli.roundTripsPerHost()).isCloseTo(1.0, within(1e-9));
        ClusterRow floor = rows.stream().filter(r -> r.kind() == ClusterKind.FLOOR).findFirst().orElseThrow();
        assertThat(floor.wallVsFloor()).isNaN();
        ClusterRow one = rows.stream().filter(r -> r.kind() == ClusterKind.ONE_HOST_CLI).findFirst().orElseThrow();
        assertThat(one.hosts()).isEqualTo(1);
        assertThat(one.wallVsFloor()).as("one host is not comparable with the floor of four").isNaN();
        assertThat(rows).extracting(ClusterRow::kind).containsExactly(ClusterKind.FIRST_CLI, ClusterKind.NOOP_WARM,
                ClusterKind.NOOP_CLI, ClusterKind.FLOOR, ClusterKind.ONE_HOST_CLI);
    }

    @Test
    void tableAndCsvCarryTheRatios() {
        List<ClusterRow> rows = ClusterRow.of(runs());
        String table = ClusterReport.section(rows);
        assertThat(table).contains("N = 4 lab hosts, 3 run(s)").contains("no-op, CLI").contains("2.00x, 1.50x")
                .contains("one converged host, CLI (1 host)");
        String csv = ClusterReport.summary(rows);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(ClusterReport.SUMMARY_HEADER);
        assertThat(csv).contains("4,4,noop_cli,3,2.200,2.000,2.400,2.500,165.0,150.0,180.0,1.00,2.000,1.500")
                .contains("4,4,floor,3,1.100,1.000,1.200,0.100,110.0,100.0,120.0,0.00,n/a,n/a");
        assertThat(ClusterReport.runs(runs()).lines()).hasSize(1 + 13)
                .contains("4,4,1,first_cli,120.000,20.000,9000.0,40,120,8");
    }
}
