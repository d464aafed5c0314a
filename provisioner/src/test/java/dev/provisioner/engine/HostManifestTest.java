package dev.provisioner.engine;

import dev.provisioner.facts.PackageManager;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.EnsureUnit;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RunCommand;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the manifest records go in a batch, and what they record (DayTwoLabTest runs them for real, then resets). */
class HostManifestTest {
    private static Planned put(String path) {
        return new Planned("files", new PutFile(DesiredFile.text(path, "x\n"), "", List.of("absent")));
    }

    @Test
    void theRecordComesFirstAndEachInstallationIsFollowedByItsPackageRecord() {
        List<Planned> batch = List.of(new Planned("pkgs", new InstallPackages(List.of("etcd-server"), PackageManager.APT)),
                put("/etc/etcd/etcd.conf"), new Planned("svc", new EnsureUnit("etcd.service", true, true)),
                new Planned("more", new InstallPackages(List.of("containerd"), PackageManager.APT)));
        List<Planned> out = HostManifest.withRecording(batch);
        assertThat(out).hasSize(7);
        RunCommand first = (RunCommand) out.get(0).action();
        assertThat(first.describe()).isEqualTo("record in /var/lib/provisioner/manifest what this batch creates");
        assertThat(first.script()).contains("for p in /etc/etcd/etcd.conf; do").contains("for u in etcd.service; do")
                .contains("/var/lib/provisioner/manifest/.packages-before").contains("users-before").contains("absent-before");
        assertThat(((RunCommand) out.get(2).action()).script()).contains("comm -13").contains("mv -f");
        assertThat(out.get(2).step()).as("reported in no step").isEqualTo("(manifest)");
        assertThat(HostManifest.stepOf(out, 0)).as("a failed first record counts against the first step").isEqualTo("pkgs");
        assertThat(HostManifest.stepOf(out, 2)).as("a failed package record against its installation").isEqualTo("pkgs");
        assertThat(HostManifest.stepOf(out, 6)).isEqualTo("more");
        assertThat(HostManifest.stepOf(out, 3)).isEqualTo("files");
        assertThat(((RunCommand) out.get(6).action()).script()).as("the last installation removes the before list")
                .contains("rm -f /var/lib/provisioner/manifest/.packages-before");
        assertThat(out.subList(1, 2)).isEqualTo(batch.subList(0, 1));
    }

    @Test
    void anEmptyBatchStaysEmptyAndACommandOnlyBatchStillTakesTheBaseline() {
        assertThat(HostManifest.withRecording(List.of())).isEmpty();
        List<Planned> out = HostManifest.withRecording(List.of(new Planned("cmd", RunCommand.of("useradd x", "useradd x"))));
        assertThat(out).hasSize(2);
        assertThat(((RunCommand) out.get(0).action()).script()).contains("cut -d: -f1 /etc/passwd").doesNotContain("add files").doesNotContain("add units");
    }
}
