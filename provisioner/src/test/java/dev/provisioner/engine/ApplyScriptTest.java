package dev.provisioner.engine;

import dev.provisioner.facts.PackageManager;
import dev.provisioner.step.DaemonReload;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.EnsureUnit;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RestartUnit;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.WaitHealthy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell text {@link ApplyScript} generates per action, and the markers it reads back; place scripts run with the local sh. */
class ApplyScriptTest {
    @TempDir
    Path dir;

    @Test
    void unitsBeforeAreTheSameStepsEarlierUnitsOnceEach() {
        List<Planned> batch = List.of(
                new Planned("a", new RestartUnit("x.service", List.of("/etc/x"))),
                new Planned("b", new RestartUnit("other.service", List.of("/etc/o"))),
                new Planned("a", new EnsureUnit("y.service", true, true)),
                new Planned("a", new RestartUnit("x.service", List.of("/etc/x2"))),
                new Planned("a", new EnsureUnit("y.service", false, true)),
                new Planned("a", new RestartUnit("z.service", List.of("/etc/z"))),
                new Planned("a", new WaitHealthy("up", "true", Duration.ofSeconds(5))));

        assertThat(ApplyScript.unitsBefore(batch, 6)).containsExactly("x.service", "y.service", "z.service");
        // The action itself is not "before" itself.
        assertThat(ApplyScript.unitsBefore(batch, 5)).containsExactly("x.service", "y.service");
        assertThat(ApplyScript.unitsBefore(batch, 0)).isEmpty();
    }

    @Test
    void bodiesOfEachActionKind() {
        InstallPackages install = new InstallPackages(List.of("curl"), PackageManager.APT);
        assertThat(ApplyScript.body(install, null)).isEqualTo(install.script()).contains("curl");
        assertThat(ApplyScript.body(RunCommand.of("say hi", "echo hi"), null)).isEqualTo("echo hi");
        assertThat(ApplyScript.body(new EnsureUnit("u.service", true, true), null))
                .isEqualTo("systemctl enable --no-reload u.service\nsystemctl start u.service\n");
        assertThat(ApplyScript.body(new RestartUnit("u.service", List.of("/a")), null)).isEqualTo("systemctl restart u.service\n");
        assertThat(ApplyScript.body(new DaemonReload(List.of("/etc/systemd/system/u.service")), null)).isEqualTo("systemctl daemon-reload");
    }

    @Test
    void aHealthCheckShowsTheJournalOfItsOwnAndTheStepsUnitsOnce() {
        WaitHealthy wait = new WaitHealthy("port 80 answers", "nc -z 127.0.0.1 80", Duration.ofSeconds(7), List.of("web.service"));
        String body = ApplyScript.body(wait, null, List.of("web.service", "db.service"));

        assertThat(body).startsWith("deadline=$(( $(date +%s) + 7 ))\n")
                .contains("until sh -c 'nc -z 127.0.0.1 80' >/dev/null 2>&1; do\n")
                .contains("health check failed after 7s: port 80 answers")
                .contains("exit " + ApplyScript.HEALTH_TIMEOUT);
        assertThat(body.split("journalctl -u ", -1)).hasSize(3);
        assertThat(body.indexOf("journalctl -u web.service")).isLessThan(body.indexOf("journalctl -u db.service"));
        assertThat(body.indexOf("journalctl -u db.service")).isLessThan(body.indexOf("health check failed"));
    }

    @Test
    void aHealthCheckThatNeverPassesExitsWithTheTimeoutCode() throws Exception {
        WaitHealthy wait = new WaitHealthy("never", "exit 1", Duration.ZERO);
        Result r = sh(ApplyScript.body(wait, null, List.of()));

        assertThat(r.exit).isEqualTo(ApplyScript.HEALTH_TIMEOUT);
        assertThat(r.err).contains("health check failed after 1s: never");
    }

    @Test
    void anAtomicPlacementRenamesANewFileOverTheDestination() throws Exception {
        Path dest = dir.resolve("etc/app/app.conf");
        Files.createDirectories(dest.getParent());
        Files.writeString(dest, "old\n");
        Object inodeBefore = Files.getAttribute(dest, "unix:ino");
        Path staged = dir.resolve("staged");
        Files.writeString(staged, "new\n");
        DesiredFile file = DesiredFile.text(dest.toString(), "new\n").withMode(0640);

        String body = local(ApplyScript.body(new PutFile(file, "", List.of()), staged.toString()));
        assertThat(body).contains("mv -f -- \"$tmp\" \"$dest\"").doesNotContain("cp -- " + staged + " \"$dest\"");
        Result r = sh(body);

        assertThat(r.exit).isZero();
        assertThat(Files.readString(dest)).isEqualTo("new\n");
        assertThat(Files.getAttribute(dest, "unix:ino")).isNotEqualTo(inodeBefore);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dest))).isEqualTo("rw-r-----");
        assertThat(Files.exists(dest.resolveSibling(".app.conf" + ApplyScript.TEMP_SUFFIX))).isFalse();
        assertThat(Files.readString(dir.resolve("manifest"))).isEqualTo(file.sha256() + "  " + dest + "\n");
    }

    @Test
    void anInPlacePlacementKeepsTheDestinationsInode() throws Exception {
        Path dest = dir.resolve("hosts");
        Files.writeString(dest, "old content that is longer\n");
        Object inodeBefore = Files.getAttribute(dest, "unix:ino");
        Path staged = dir.resolve("staged");
        Files.writeString(staged, "new\n");
        DesiredFile file = DesiredFile.text(dest.toString(), "new\n").inPlace();

        Result r = sh(local(ApplyScript.body(new PutFile(file, "", List.of()), staged.toString())));

        assertThat(r.exit).isZero();
        assertThat(Files.readString(dest)).isEqualTo("new\n");
        assertThat(Files.getAttribute(dest, "unix:ino")).isEqualTo(inodeBefore);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dest))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(dir.resolve("manifest"))).isEqualTo(file.sha256() + "  " + dest + "\n");
    }

    @Test
    void aPlacementCreatesTheParentDirectory() throws Exception {
        Path dest = dir.resolve("a/b/c.conf");
        Path staged = dir.resolve("staged");
        Files.writeString(staged, "x\n");

        Result r = sh(local(ApplyScript.body(new PutFile(DesiredFile.text(dest.toString(), "x\n"), "", List.of()), staged.toString())));

        assertThat(r.exit).isZero();
        assertThat(Files.readString(dest)).isEqualTo("x\n");
    }

    @Test
    void aFileEditedByHandSinceTheLastWriteIsBackedUpFirst() throws Exception {
        Path dest = dir.resolve("edited.conf");
        Files.writeString(dest, "edited by hand\n");
        Files.writeString(dir.resolve("manifest"), DesiredFile.text(dest.toString(), "as written\n").sha256() + "  " + dest + "\n");
        Path staged = dir.resolve("staged");
        Files.writeString(staged, "new\n");
        DesiredFile file = DesiredFile.text(dest.toString(), "new\n");

        Result r = sh(local(ApplyScript.body(new PutFile(file, "", List.of()), staged.toString())));

        assertThat(r.exit).isZero();
        assertThat(Files.readString(dest)).isEqualTo("new\n");
        try (var backups = Files.walk(dir.resolve("backups"))) {
            assertThat(backups.filter(Files::isRegularFile).toList()).singleElement()
                    .satisfies(b -> assertThat(Files.readString(b)).isEqualTo("edited by hand\n"));
        }
        assertThat(Files.readString(dir.resolve("manifest"))).isEqualTo(file.sha256() + "  " + dest + "\n");
    }

    @Test
    void parentOfAPath() {
        assertThat(ApplyScript.parent("/etc")).isEqualTo("/");
        assertThat(ApplyScript.parent("/etc/app/a.conf")).isEqualTo("/etc/app");
        assertThat(ApplyScript.parent("relative")).isEqualTo("/");
    }

    @Test
    void markersReadBack() {
        String out = "x\n" + ApplyScript.MARK + "done 0\n" + ApplyScript.MARK + "done 1\n\n" + ApplyScript.MARK + "failed 2 7\n";
        assertThat(ApplyScript.done(out)).containsExactly(0, 1);
        assertThat(ApplyScript.failed(out)).isEqualTo(2);
        assertThat(ApplyScript.failed(ApplyScript.MARK + "done 0\n")).isEqualTo(-1);
        assertThat(ApplyScript.failed("")).isEqualTo(-1);
    }

    /** The script with the host's manifest of written files moved into the temporary directory. */
    private String local(String script) {
        return script.replace(WrittenFiles.MANIFEST, dir.resolve("manifest").toString())
                .replace(WrittenFiles.BACKUPS, dir.resolve("backups").toString());
    }

    private record Result(int exit, String err) {
    }

    private Result sh(String body) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-ec", body).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), err);
    }
}
