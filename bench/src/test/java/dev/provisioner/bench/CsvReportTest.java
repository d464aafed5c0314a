package dev.provisioner.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReportTest {
    @Test
    void summaryHasOneLinePerHostCountAndScenarioWithMedianMinMax() {
        List<Row> rows = BenchMain.rows(Fixtures.grid());
        String[] lines = CsvReport.summary(rows, List.of()).split("\n");
        assertThat(lines).hasSize(1 + 12);
        assertThat(lines[0]).isEqualTo(CsvReport.SUMMARY_HEADER);
        int columns = lines[0].split(",").length;
        for (String line : lines) {
            assertThat(line.split(",", -1)).hasSize(columns);
        }
        // N=5 no-op: 0.5 * 1.5 + (0.1, 0.2, 0.3) -> median 0.95, min 0.85, max 1.05; CPU and apply are half of it,
        // the lab hosts' CPU 100 ms per second of wall
        assertThat(lines).contains("5,noop,3,0.950,0.850,1.050,0.475,0.425,0.525,1.000,1,1.000,1501,40,150,0.050,0.100,0.080,0.475,"
                + "95.0,85.0,105.0,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,30,95.0,30.000,6.000");
    }

    @Test
    void runsHasOneLinePerMeasuredRun() {
        String csv = CsvReport.runs(Fixtures.grid());
        assertThat(csv.split("\n")).hasSize(1 + 36);
        assertThat(csv).startsWith(CsvReport.RUNS_HEADER + "\n1,1,first,3.400,1.700,4.000,4,1.000,1501,9,2,1,40,150,"
                + "0.050,0.100,0.080,1.700,340.0\n");
    }

    @Test
    void theLabHostsCpuIsTheLastColumnAndNaWhereItCouldNotBeRead() {
        assertThat(CsvReport.RUNS_HEADER).endsWith(",apply_s,host_cpu_ms_per_host");
        assertThat(CsvReport.SUMMARY_HEADER).contains(",apply_s,host_cpu_median_ms_per_host,host_cpu_min_ms_per_host,"
                + "host_cpu_max_ms_per_host,");
        Measurement unread = Fixtures.unreadHostCpu(Fixtures.measurement(2, 1, Scenario.NOOP, 1.0));
        assertThat(CsvReport.runs(List.of(unread)).strip()).endsWith(",0.500,n/a");
        assertThat(CsvReport.summary(BenchMain.rows(List.of(unread)), List.of()).strip()).endsWith(",0.500,n/a,n/a,n/a" + ",n/a".repeat(8)
                + ",24,250.0,75.000,12.000");
        // a run that could not read the counters does not pull the others' median
        String mixed = CsvReport.summary(BenchMain.rows(List.of(unread, Fixtures.measurement(2, 2, Scenario.NOOP, 2.0))), List.of());
        assertThat(mixed.strip()).endsWith(",200.0,200.0,200.0" + ",n/a".repeat(8) + ",24,375.0,75.000,12.000");
    }

    @Test
    void eachRowCarriesTheReferencesBesideItAndTheRatiosOursOverThem() {
        String csv = CsvReport.summary(BenchMain.rows(Fixtures.grid()), dev.provisioner.bench.reference.RefRow.of(
                Fixtures.references()));
        assertThat(CsvReport.SUMMARY_HEADER).contains(",floor_wall_median_s,floor_host_cpu_median_ms_per_host,wall_vs_floor,"
                + "host_cpu_vs_floor,expert_wall_median_s,expert_host_cpu_median_ms_per_host,wall_vs_expert,host_cpu_vs_expert");
        // N=5 no-op: ours 0.95 s / 95 ms; floor 0.575 s / 46 ms; expert no-op 0.8 s / 64 ms
        assertThat(csv).contains("\n5,noop,3,0.950,").contains(",95.0,85.0,105.0,0.575,46.0,1.652,2.065,0.800,64.0,1.187,1.484,30,95.0,30.000,6.000\n");
        // the fresh-JVM no-op stands beside the expert's no-op: ours 2.0 * 1.5 + 0.2 = 3.2 s
        assertThat(csv).contains(",320.0,310.0,330.0,0.575,46.0,5.565,6.957,0.800,64.0,4.000,5.000,30,320.0,30.000,6.000\n");
        String header = csv.lines().findFirst().orElseThrow();
        csv.lines().forEach(l -> assertThat(l.split(",", -1)).hasSameSizeAs(header.split(",")));
    }

    @Test
    void referenceRunsHaveOneLinePerRun() {
        String csv = CsvReport.referenceRuns(Fixtures.references());
        assertThat(csv.split("\n")).hasSize(1 + 36);
        assertThat(csv).startsWith(CsvReport.REFERENCE_RUNS_HEADER + "\n1,1,expert,first,2.300,0.010,184.0\n")
                .contains("\n10,3,floor,noop,0.800,0.100,64.0\n");
    }

    @Test
    void numbersUseADotWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(CsvReport.summary(BenchMain.rows(Fixtures.grid()), List.of())).contains("0.950").doesNotContain("0,950");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
