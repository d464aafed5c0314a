package dev.provisioner.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finding and reading a container's CPU counter, on fixture trees in a temp dir laid out like
 * /sys/fs/cgroup under the layouts Docker uses (the real tree is read by bench/run itself).
 */
class CgroupCpuTest {
    private static final String ID = "c7d6a52d2a06e48fc2378aaa884d7fd7d2fc28688f13c560ea36e3d2677c4d10";
    private static final String CPU_STAT = "usage_usec 14451100\nuser_usec 6741942\nsystem_usec 7709158\nnice_usec 0\n";

    private static Path write(Path root, String relative, String text) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void hybridLayoutUsesTheUnifiedCpuStatBeforeTheV1Counter(@TempDir Path root) throws Exception {
        Path v2 = write(root, "unified/docker/" + ID + "/cpu.stat", CPU_STAT);
        write(root, "cpuacct/docker/" + ID + "/cpuacct.usage", "99\n");
        assertThat(CgroupCpu.find(root, ID)).contains(v2);
        assertThat(CgroupCpu.readNanos(v2)).isEqualTo(14_451_100_000L);
    }

    @Test
    void pureV2WithTheSystemdDriverUsesTheScope(@TempDir Path root) throws Exception {
        Path scope = write(root, "system.slice/docker-" + ID + ".scope/cpu.stat", CPU_STAT);
        assertThat(CgroupCpu.find(root, ID)).contains(scope);
    }

    @Test
    void pureV2WithTheCgroupfsDriver(@TempDir Path root) throws Exception {
        Path file = write(root, "docker/" + ID + "/cpu.stat", CPU_STAT);
        assertThat(CgroupCpu.find(root, ID)).contains(file);
    }

    @Test
    void v1ReadsCpuacctUsageInNanoseconds(@TempDir Path root) throws Exception {
        Path file = write(root, "cpu,cpuacct/docker/" + ID + "/cpuacct.usage", "14450788954\n");
        assertThat(CgroupCpu.find(root, ID)).contains(file);
        assertThat(CgroupCpu.readNanos(file)).isEqualTo(14_450_788_954L);
    }

    @Test
    void aCandidateInAnotherFormatIsSkipped(@TempDir Path root) throws Exception {
        // a v2 cpu.stat without the base usage line (kernels before 4.15 with the cpu controller off)
        write(root, "unified/docker/" + ID + "/cpu.stat", "nr_periods 0\nnr_throttled 0\n");
        Path v1 = write(root, "cpuacct/docker/" + ID + "/cpuacct.usage", "5\n");
        assertThat(CgroupCpu.find(root, ID)).contains(v1);
    }

    @Test
    void anotherContainersCounterIsNotTaken(@TempDir Path root) throws Exception {
        write(root, "unified/docker/" + ID.replace('c', 'd') + "/cpu.stat", CPU_STAT);
        assertThat(CgroupCpu.find(root, ID)).isEmpty();
    }

    @Test
    void malformedCountersAreErrorsNamingTheFile() {
        Path f = Path.of("/x/cpu.stat");
        assertThatThrownBy(() -> CgroupCpu.parseCpuStat("user_usec 5\n", f)).hasMessageContaining("/x/cpu.stat")
                .hasMessageContaining("usage_usec");
        assertThatThrownBy(() -> CgroupCpu.parseCpuStat("usage_usec many\n", f)).hasMessageContaining("'many'");
        assertThatThrownBy(() -> CgroupCpu.parseCpuacctUsage("-3\n", Path.of("/x/cpuacct.usage")))
                .hasMessageContaining("/x/cpuacct.usage");
        assertThat(CgroupCpu.parseCpuStat("usage_usec_local 1\nusage_usec 7\n", f)).isEqualTo(7000);
    }
}
