package dev.provisioner.bench.workload;

import dev.provisioner.api.RenderedFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workload's files rendered through the public API without contacting any host: the
 * benchmark-owned templates render strictly, every host gets the same 9 files, and the changed
 * value rewrites exactly one of them.
 */
class WorkloadRenderTest {
    @TempDir
    static Path state;
    static List<RenderedFile> base;
    static List<RenderedFile> changed;

    @BeforeAll
    static void render() {
        base = render(WorkloadValues.BASE);
        changed = render(new WorkloadValues("debug"));
    }

    private static List<RenderedFile> render(WorkloadValues values) {
        return WorkloadFiles.rendered(TestInventory.twoHosts(), Path.of("templates"), state, values, false);
    }

    @Test
    void everyHostGetsTheHostsBlockSixConfigsAndTwoUnits() {
        Map<String, List<String>> byHost = base.stream().collect(Collectors.groupingBy(RenderedFile::host,
                Collectors.mapping(RenderedFile::path, Collectors.toList())));
        assertThat(byHost.keySet()).containsExactlyInAnyOrder("h1", "h2");
        assertThat(byHost.get("h1")).hasSize(9).contains("/etc/hosts", "/etc/bench/a.env",
                "/etc/systemd/system/bench-a.service", "/etc/systemd/system/bench-b.service");
        String hosts = text("h1", "/etc/hosts", base);
        assertThat(hosts.lines().filter(l -> l.startsWith("10.254.0."))).hasSize(3);
        assertThat(text("h2", "/etc/bench/app.json", base)).contains("\"host\": \"h2\"", "\"port\": 7000");
    }

    @Test
    void theChangedValueRewritesOnlyTheEnvironmentFileOfServiceA() {
        List<String> differing = base.stream()
                .filter(f -> !text(f.host(), f.path(), changed).equals(text(f.host(), f.path(), base)))
                .map(f -> f.host() + ":" + f.path()).toList();
        assertThat(differing).containsExactlyInAnyOrder("h1:/etc/bench/a.env", "h2:/etc/bench/a.env");
        assertThat(text("h1", "/etc/bench/a.env", changed)).contains("BENCH_LOG_LEVEL='debug'");
    }

    private static String text(String host, String path, List<RenderedFile> files) {
        return files.stream().filter(f -> f.host().equals(host) && f.path().equals(path)).findFirst().orElseThrow()
                .text();
    }
}
