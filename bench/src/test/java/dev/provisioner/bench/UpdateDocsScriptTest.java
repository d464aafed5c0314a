package dev.provisioner.bench;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench/update-docs.sh}, the real script, run on a copy of the project's layout: the targets table and the
 * whole table go between the markers, and the 100-host line comes from a scale run when the idle run has none.
 */
class UpdateDocsScriptTest {
    private static final String RSS_TARGET = "| controller peak RSS at 100 hosts <= 256 MB";

    @TempDir
    Path root;

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(root.resolve("bench"));
        Files.copy(Path.of("update-docs.sh"), root.resolve("bench/update-docs.sh"));
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/performance.md"),
                "# Performance\n<!-- bench-results:begin -->\nold\n<!-- bench-results:end -->\nafter\n");
        Files.writeString(root.resolve("README.md"), "# Readme\n<!-- bench-targets:begin -->\nold\n<!-- bench-targets:end -->\nend\n");
        result("bench/results/20261207-100000", "| N = 10, no-op | 0.9x | met |\n" + RSS_TARGET + " | - | not measured in this run |\n");
    }

    private Path result(String rel, String targets) throws IOException {
        Path dir = Files.createDirectories(root.resolve(rel));
        Files.writeString(dir.resolve("targets.md"), "| target | measured | verdict |\n|---|---|---|\n" + targets);
        Files.writeString(dir.resolve("table.txt"), "N = 10 hosts, 3 runs\n");
        Files.writeString(dir.resolve("machine.txt"), "$ cat /proc/loadavg\n0.50 0.40 0.30 1/100 1\n");
        return dir;
    }

    @Test
    void theHundredHostLineComesFromTheScaleRunNamingIt() throws Exception {
        result("bench/results/20261207-090000-scale", RSS_TARGET + " | 201 MB (largest over the scenarios) | met |\n");
        assertThat(run("bench/results/20261207-100000", "bench/results/20261207-090000-scale")).isZero();
        String readme = Files.readString(root.resolve("README.md"));
        assertThat(readme).contains("| N = 10, no-op | 0.9x | met |")
                .contains(RSS_TARGET + " | 201 MB (largest over the scenarios), in `bench/results/20261207-090000-scale` | met |")
                .doesNotContain("not measured").doesNotContain("old").endsWith("<!-- bench-targets:end -->\nend\n");
        assertThat(Files.readString(root.resolve("docs/performance.md")))
                .contains("in `bench/results/20261207-090000-scale` | met |").contains("N = 10 hosts, 3 runs")
                .contains("0.50 0.40 0.30").endsWith("<!-- bench-results:end -->\nafter\n");
    }

    @Test
    void withoutAScaleRunTheLineSaysNotMeasured() throws Exception {
        assertThat(run("bench/results/20261207-100000")).isZero();
        assertThat(Files.readString(root.resolve("README.md"))).contains(RSS_TARGET + " | - | not measured in this run |");
    }

    @Test
    void aScaleRunWithoutItsHundredHostLineChangesNothing() throws Exception {
        result("bench/results/20261207-090000-scale", RSS_TARGET + " | - | not measured in this run |\n");
        String before = Files.readString(root.resolve("README.md"));
        assertThat(run("bench/results/20261207-100000", "bench/results/20261207-090000-scale")).isEqualTo(1);
        assertThat(Files.readString(root.resolve("README.md"))).isEqualTo(before);
    }

    private int run(String... dirs) throws Exception {
        String[] command = new String[dirs.length + 2];
        command[0] = "bash";
        command[1] = root.resolve("bench/update-docs.sh").toString();
        for (int i = 0; i < dirs.length; i++) {
            command[i + 2] = root.resolve(dirs[i]).toString();
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(out).isTrue();
        return p.exitValue();
    }
}
