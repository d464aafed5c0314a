package dev.provisioner.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab hosts' summed counters and the per-host mean, on counter files in a temp dir. */
class HostCpuTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    private static void usage(Path root, String id, long usec) throws Exception {
        Path file = root.resolve("unified/docker").resolve(id).resolve("cpu.stat");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "usage_usec " + usec + "\nuser_usec 0\nsystem_usec 0\n");
    }

    private static void replace(Path root, String id, long usec) throws Exception {
        Path file = root.resolve("unified/docker").resolve(id).resolve("cpu.stat");
        Path tmp = file.resolveSibling("cpu.stat.tmp");
        Files.writeString(tmp, "usage_usec " + usec + "\nuser_usec 0\nsystem_usec 0\n");
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, String> ids() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("provisioner-bench-master", A);
        ids.put("provisioner-bench-node01", B);
        return ids;
    }

    @Test
    void theDeltaIsSummedOverTheHostsAndDividedByTheirCount(@TempDir Path root) throws Exception {
        usage(root, A, 1_000_000);
        usage(root, B, 2_000_000);
        HostCpu cpu = HostCpu.resolve(root, ids());
        assertThat(cpu.unavailable()).isEmpty();
        OptionalLong before = cpu.sample();
        assertThat(before).hasValue(3_000_000_000L);
        usage(root, A, 1_150_000);   // +150 ms
        usage(root, B, 2_250_000);   // +250 ms
        assertThat(cpu.msPerHost(before, cpu.sample())).isEqualTo(200.0);
    }

    @Test
    void settlingWaitsWhileTheHostsStillWorkAndReturnsOnceAWindowIsQuiet(@TempDir Path root) throws Exception {
        usage(root, A, 1_000_000);
        usage(root, B, 1_000_000);
        HostCpu cpu = HostCpu.resolve(root, ids());
        assertThat(cpu.settle()).as("quiet from the start: one window").isBetween(HostCpu.QUIET_WINDOW_MS, 2 * HostCpu.QUIET_WINDOW_MS);

        long busyUntil = System.nanoTime() + 800_000_000L; // the run before is still finishing for 0.8 s
        Thread busy = new Thread(() -> {
            long usec = 1_000_000;
            while (System.nanoTime() < busyUntil) {
                usec += 10_000; // +10 ms per host every 20 ms
                try {
                    // replaced whole, as the kernel's counter is: a half-written fixture would read as no sample
                    replace(root, A, usec);
                    replace(root, B, usec);
                    Thread.sleep(20);
                } catch (Exception e) {
                    return;
                }
            }
        });
        busy.start();
        long waited = cpu.settle();
        busy.join();
        assertThat(waited).isGreaterThanOrEqualTo(800).isLessThan(HostCpu.SETTLE_LIMIT_MS);
        assertThat(HostCpu.quiet(0.5)).isTrue();
        assertThat(HostCpu.quiet(Double.NaN)).as("unreadable: not waited on").isTrue();
        assertThat(HostCpu.quiet(3)).isFalse();
    }

    @Test
    void aContainerWithoutACounterMakesItUnavailableSayingWhatWasTried(@TempDir Path root) throws Exception {
        usage(root, A, 1);
        HostCpu cpu = HostCpu.resolve(root, ids());
        assertThat(cpu.unavailable()).hasValueSatisfying(why -> assertThat(why)
                .contains("provisioner-bench-node01").contains(B).contains("cpuacct.usage").contains("cpu.stat"));
        assertThat(cpu.sample()).isEmpty();
        assertThat(cpu.msPerHost(cpu.sample(), cpu.sample())).isNaN();
    }

    @Test
    void aCounterThatVanishesMidRunGivesNaNNotANumber(@TempDir Path root) throws Exception {
        usage(root, A, 1);
        usage(root, B, 1);
        HostCpu cpu = HostCpu.resolve(root, ids());
        OptionalLong before = cpu.sample();
        Files.delete(root.resolve("unified/docker").resolve(B).resolve("cpu.stat"));
        assertThat(cpu.msPerHost(before, cpu.sample())).isNaN();
    }

    @Test
    void theFilesHandedToAFreshJvmReadTheSame(@TempDir Path root) throws Exception {
        usage(root, A, 400_000);
        HostCpu parent = HostCpu.resolve(root, Map.of("provisioner-bench-master", A));
        HostCpu child = HostCpu.ofFiles(parent.files());
        assertThat(child.sample()).isEqualTo(parent.sample()).hasValue(400_000_000L);
        assertThat(HostCpu.ofFiles(List.of()).unavailable()).isPresent();
    }
}
