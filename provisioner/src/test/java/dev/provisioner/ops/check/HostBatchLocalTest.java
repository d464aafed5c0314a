package dev.provisioner.ops.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real batch script in a real local {@code sh} (no SSH, no fake): sections come back in order
 * with their own output and exit code, "not installed" and timeouts are distinguishable, and the
 * sections run at once, so a host costs its slowest probe, not the sum.
 */
@EnabledOnOs(OS.LINUX)
class HostBatchLocalTest {

    private static String runLocally(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor()).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sectionsKeepTheirOutputAndExitCodeInOrder() throws Exception {
        List<HostBatch.Section> sections = List.of(
                new HostBatch.Section("echo healthy; echo 'a @@probe-looking line'", Duration.ofSeconds(5)),
                new HostBatch.Section("have no-such-binary-anywhere || notinstalled 'no-such-binary-anywhere not found'", Duration.ofSeconds(5)),
                new HostBatch.Section("fail 'it is broken'", Duration.ofSeconds(5)),
                new HostBatch.Section("sleep 30", Duration.ofSeconds(1)),
                new HostBatch.Section("printf 'it'\"'\"'s quoted: $HOME'", Duration.ofSeconds(5)));
        long start = System.nanoTime();
        List<ProbeOutput> out = HostBatch.parse(runLocally(HostBatch.script(sections)), sections.size());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(out.get(0)).satisfies(o -> {
            assertThat(o.ok()).isTrue();
            assertThat(o.lines()).containsExactly("healthy", "a @@probe-looking line");
        });
        assertThat(out.get(1)).satisfies(o -> {
            assertThat(o.notInstalled()).isTrue();
            assertThat(o.text().strip()).isEqualTo("not installed: no-such-binary-anywhere not found");
        });
        assertThat(out.get(2)).satisfies(o -> {
            assertThat(o.exitCode()).isEqualTo(1);
            assertThat(o.tail(1)).isEqualTo("it is broken");
        });
        assertThat(out.get(3).timedOut()).isTrue();
        assertThat(out.get(4).text().strip()).isEqualTo("it's quoted: $HOME");
        assertThat(took).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aCutShortBatchMarksTheMissingSections() {
        List<ProbeOutput> out = HostBatch.parse("@@probe 0 begin\nfine\n@@probe 0 end 0\n@@probe 1 begin\npartial", 2);
        assertThat(out.get(0).ok()).isTrue();
        assertThat(out.get(1).exitCode()).isEqualTo(HostBatch.MISSING);
    }
}
