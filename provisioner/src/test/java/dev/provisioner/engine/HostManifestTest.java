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
        assertThat(((RunCommand) out.get(0).action()).script()).contains("names /etc/passwd > ").doesNotContain("add files").doesNotContain("add units");
    }

    @Test
    void theRecordRunsOnBuiltinsAndRecordsOnlyWhatIsNewOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path m = dir.resolve("manifest");
        java.nio.file.Files.createDirectories(dir.resolve("etc/existing"));
        java.nio.file.Files.writeString(dir.resolve("etc/existing/old.conf"), "x\n");
        String script = HostManifest.before(new java.util.LinkedHashSet<>(List.of(dir + "/etc/existing/old.conf",
                        dir + "/etc/new/deeper/a.conf", dir + "/etc/new/b.conf")), java.util.Set.of("app.service"), false)
                .replace(HostManifest.DIR, m.toString());
        for (int run = 0; run < 2; run++) {
            Process p = new ProcessBuilder("/bin/sh", "-ec", script).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
        }
        assertThat(java.nio.file.Files.readAllLines(m.resolve("files"))).containsExactly(dir + "/etc/new/deeper/a.conf", dir + "/etc/new/b.conf");
        assertThat(java.nio.file.Files.readAllLines(m.resolve("dirs"))).containsExactly(dir + "/etc/new/deeper", dir + "/etc/new");
        assertThat(java.nio.file.Files.readAllLines(m.resolve("units"))).containsExactly("app.service");
        assertThat(java.nio.file.Files.readAllLines(m.resolve("users-before"))).contains("root").noneMatch(l -> l.contains(":"));
        assertThat(java.nio.file.Files.readAllLines(m.resolve("groups-before"))).contains("root");
        assertThat(m.resolve("baseline")).exists();
    }
    @Test
    void aBatchWhoseFilesAllExistSkipsTheRecordsShellOnlyWhenTheRecordWouldAddNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path m = dir.resolve("manifest");
        java.nio.file.Files.createDirectories(dir.resolve("etc"));
        java.nio.file.Files.writeString(dir.resolve("etc/a.conf"), "x\n");
        List<Planned> batch = List.of(put(dir + "/etc/a.conf"), put(dir + "/etc/b.conf"));
        String condition = HostManifest.nothingNew(batch).orElseThrow().replace(HostManifest.DIR, m.toString());
        assertThat(holds(condition)).as("no baseline yet").isFalse();
        java.nio.file.Files.createDirectories(m);
        for (String f : List.of("baseline", "files", "dirs", "units", "packages")) {
            java.nio.file.Files.writeString(m.resolve(f), "");
        }
        assertThat(holds(condition)).as("b.conf would be recorded").isFalse();
        java.nio.file.Files.writeString(dir.resolve("etc/b.conf"), "y\n");
        assertThat(holds(condition)).isTrue();
        java.nio.file.Files.delete(dir.resolve("etc/b.conf"));
        java.nio.file.Files.createSymbolicLink(dir.resolve("etc/b.conf"), dir.resolve("nowhere"));
        assertThat(holds(condition)).as("a dangling link is there too, as the record sees it").isTrue();
        java.nio.file.Files.delete(m.resolve("units"));
        assertThat(holds(condition)).as("a record list missing").isFalse();

        assertThat(HostManifest.nothingNew(List.of(put("/etc/x"), new Planned("svc", new EnsureUnit("x.service", true, true)))))
                .as("a unit to enable is always recorded").isEmpty();
        assertThat(HostManifest.nothingNew(List.of(new Planned("p", new InstallPackages(List.of("etcd"), PackageManager.APT)))))
                .isEmpty();
        assertThat(HostManifest.nothingNew(List.of(new Planned("svc", new EnsureUnit("x.service", false, true))))).isPresent();
    }

    @Test
    void theApplyScriptGuardsOnlyTheFirstRecordWithTheCondition() {
        List<Planned> out = HostManifest.withRecording(List.of(put("/etc/a.conf")));
        String script = ApplyScript.build(out, java.util.Map.of(), "/stage");
        assertThat(script).contains("if ! { [ -e /var/lib/provisioner/manifest/baseline ] && ")
                .contains("{ [ -e /etc/a.conf ] || [ -L /etc/a.conf ]; }; }; then\n  sh -ec ");
        String withUnit = ApplyScript.build(HostManifest.withRecording(List.of(put("/etc/a.conf"),
                new Planned("svc", new EnsureUnit("a.service", true, false)))), java.util.Map.of(), "/stage");
        assertThat(withUnit).doesNotContain("if ! {").contains("sh -ec ");
    }

    private static boolean holds(String condition) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", "if " + condition + "; then exit 0; else exit 1; fi").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
