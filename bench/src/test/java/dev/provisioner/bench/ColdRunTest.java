package dev.provisioner.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColdRunTest {
    @Test
    void theChildsLineDecodesToTheSameMeasurement() {
        Measurement m = Fixtures.measurement(20, 0, Scenario.COLD_NOOP, 1.25);
        assertThat(ColdRun.decode("some log line\n".strip() + " " + ColdRun.encode(m))).isEqualTo(m);
        Measurement unread = Fixtures.unreadHostCpu(m);
        assertThat(ColdRun.decode(ColdRun.encode(unread)).hostCpuMsPerHost()).as("unreadable host CPU stays NaN").isNaN();
    }

    @Test
    void theArchiveIsUsedOnlyWhenNewerThanTheCliJar(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("provisioner-cli.jar"), "jar");
        String classPath = jar + java.io.File.pathSeparator + dir.resolve("bench.jar");
        assertThat(ColdRun.cdsArchive(classPath)).isEmpty();
        Path archive = Files.writeString(dir.resolve("provisioner-cli.jsa"), "archive");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(2_000_000));
        assertThat(ColdRun.cdsArchive(classPath)).contains(archive);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(3_000_000));
        assertThat(ColdRun.cdsArchive(classPath)).as("stale after a rebuild").isEmpty();
    }

    @Test
    void aGarbledLineIsAnErrorThatQuotesIt() {
        assertThatThrownBy(() -> ColdRun.decode("hosts=2 wall=oops")).isInstanceOf(BenchException.class)
                .hasMessageContaining("hosts=2 wall=oops");
    }

    @Test
    void theFreshJvmRunsWithEveryOptionTheLaunchersPass() throws Exception {
        // bench is a module of the checkout: the launchers are two levels up from its working directory or one.
        Path root = Files.exists(Path.of("bin/provisioner")) ? Path.of(".") : Path.of("..");
        for (String launcher : new String[] {"bin/provisioner", "release/provisioner"}) {
            String text = Files.readString(root.resolve(launcher));
            for (String option : ColdRun.LAUNCHER_JVM_OPTIONS) {
                assertThat(text).as(launcher + " passes " + option).contains(option);
            }
        }
        assertThat(Files.readString(root.resolve("bench/run"))).as("the driver runs with the CLI's compiler and memory settings")
                .contains("-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:MaxNewSize=32m");
    }
}
