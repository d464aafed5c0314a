package dev.provisioner.bench;

import org.junit.jupiter.api.Test;

import dev.provisioner.bench.reference.RefRow;
import dev.provisioner.bench.reference.RefRun;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TableReportTest {
    private static String render(List<Measurement> measured, LabCpu labCpu) {
        return render(measured, List.of(), labCpu);
    }

    private static String render(List<Measurement> measured, List<RefRun> refs, LabCpu labCpu) {
        List<Row> rows = BenchMain.rows(measured);
        return TableReport.render(rows, RefRow.of(refs), BenchMain.fits(rows), List.of(), labCpu);
    }

    @Test
    void eachHostCountShowsOursBesideTheFloorAndTheExpertScriptWithTheRatios() {
        String table = render(Fixtures.grid(), Fixtures.references(), new LabCpu(2, Optional.empty(), Map.of()));
        String n5 = table.substring(table.indexOf("N = 5 hosts"), table.indexOf("N = 10 hosts"));
        assertThat(n5).contains("ratio = ours / reference");
        // ours 0.95 s / 95 ms; floor 0.575 s / 46 ms (1.65x, 2.07x); expert no-op 0.8 s / 64 ms (1.19x, 1.48x)
        assertThat(n5.lines().filter(l -> l.startsWith("    no-op re-run")).findFirst().orElseThrow())
                .containsSubsequence("0.950 / 95", "0.575 / 46", "1.65x, 2.07x", "0.800 / 64", "1.19x, 1.48x");
        assertThat(n5).contains("ssh clients' CPU on the controller machine (median per run): ssh true 0.05 s;"
                + " expert script first converge 0.05 s;");
        assertThat(render(Fixtures.grid(), new LabCpu(2, Optional.empty(), Map.of()))).doesNotContain("references");
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
        assertThat(table.lines().filter(l -> l.startsWith("  no-op re-run") && !l.contains("per host,") && !l.contains(" CPU ")))
                .hasSize(3).allMatch(l -> l.contains(" n/a  "));
    }
}
