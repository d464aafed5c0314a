package dev.provisioner.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TableReportTest {
    private static String render(List<Measurement> measured, LabCpu labCpu) {
        List<Row> rows = BenchMain.rows(measured);
        return TableReport.render(rows, BenchMain.fits(rows), List.of(), labCpu);
    }

    @Test
    void eachHostCountShowsTheHostsCpuAndItsShareOfTheCores() {
        String table = render(Fixtures.grid(), new LabCpu(2, Optional.empty(), Map.of(10, new LabCpu.Idle(1.5, 0.4))));
        assertThat(table).contains("hostCPU ms/host").doesNotContain("n/a");
        // N=10 first converge: wall median 6.2 s, hosts 620 ms each = 6.2 s of 2 x 6.2 s; the controller adds 3.1 s
        assertThat(table).contains("    first converge     6.20 s total = 50% [75%]");
        assertThat(table).contains("as a share of 2 cores over the wall time");
        assertThat(table).contains("idle lab hosts over 1.50 s (as long as the no-op): 0.4 ms/host");
        String n10 = table.substring(table.indexOf("N = 10 hosts"));
        assertThat(n10.lines().filter(l -> l.startsWith("  first converge")).findFirst().orElseThrow())
                .contains(" 620  ");
    }

    @Test
    void withoutCountersTheColumnIsNaAndTheReasonIsPrintedOnce() {
        List<Measurement> unread = Fixtures.grid().stream().map(Fixtures::unreadHostCpu).toList();
        String table = render(unread, new LabCpu(2, Optional.of("no cgroup counter for provisioner-bench-master"), Map.of()));
        assertThat(table.split("no cgroup counter for provisioner-bench-master", -1)).hasSize(2);
        assertThat(table).doesNotContain("s total =").contains("lab hosts' CPU per run: n/a (see above)");
        assertThat(table.lines().filter(l -> l.startsWith("  no-op re-run") && !l.contains("per host,")))
                .hasSize(3).allMatch(l -> l.contains(" n/a  "));
    }
}
