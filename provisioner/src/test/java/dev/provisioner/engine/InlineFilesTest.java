package dev.provisioner.engine;

import dev.provisioner.step.DaemonReload;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.EnsureUnit;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RestartUnit;
import dev.provisioner.step.RunCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Files that travel in the apply script: which may, and the script that places them, run with the machine's own
 * {@code sh} (dash on Debian) and {@code bash} against a temporary directory; {@code systemctl} is a stand-in
 * script there that records its arguments (the real one needs systemd as PID 1: the lab tests run it).
 */
class InlineFilesTest {
    @TempDir
    Path dir;
    private String owner;
    private String group;

    @BeforeEach
    void identity() throws Exception {
        owner = exec("id", "-un").strip();
        group = exec("id", "-gn").strip();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("systemctl"), """
                #!/bin/sh
                echo "$*" >> "$(dirname "$0")/../systemctl.log"
                for a in "$@"; do case $a in broken.service) echo "Unit broken.service not found" >&2; exit 5 ;; esac; done
                """);
        bin.resolve("systemctl").toFile().setExecutable(true);
    }

    private DesiredFile file(String rel, String content) {
        return DesiredFile.text(dir.resolve(rel).toString(), content).withOwner(owner, group);
    }

    private static Planned put(DesiredFile f) {
        return new Planned("files", new PutFile(f, "", List.of("absent")));
    }

    @Test
    void onlyWorldReadableNonSensitiveUtf8TextWithoutNulTravels() {
        assertThat(InlineFiles.eligible(new PutFile(DesiredFile.text("/etc/a", "x\n"), "", List.of()))).isTrue();
        assertThat(InlineFiles.eligible(new PutFile(DesiredFile.text("/etc/a", "x\n").withMode(0640), "", List.of())))
                .as("not world-readable: the script is visible in the process table").isFalse();
        assertThat(InlineFiles.eligible(new PutFile(DesiredFile.text("/etc/a", "x\n").asSensitive(), "", List.of()))).isFalse();
        assertThat(InlineFiles.eligible(new PutFile(DesiredFile.text("/etc/a", "a\0b"), "", List.of()))).isFalse();
        DesiredFile latin1 = new DesiredFile("/etc/a", new byte[]{'a', (byte) 0xe9, '\n'}, 0644, "root", "root", null, false, false);
        assertThat(InlineFiles.eligible(new PutFile(latin1, "", List.of()))).as("not UTF-8").isFalse();
        assertThat(InlineFiles.eligible(new PutFile(DesiredFile.text("/etc/a", "y".repeat(InlineFiles.FILE_LIMIT + 1)), "", List.of())))
                .isFalse();
    }

    @Test
    void theScriptBudgetSendsTheRestToTheUpload() {
        List<Planned> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batch.add(put(DesiredFile.text("/etc/f" + i, "z".repeat(InlineFiles.FILE_LIMIT - 2))));
        }
        batch.add(1, new Planned("cmd", RunCommand.of("x", "true")));
        List<Integer> chosen = InlineFiles.choose(batch);
        assertThat(chosen).containsExactly(0, 2, 3);
        assertThat(chosen.stream().mapToInt(i -> InlineFiles.literal((PutFile) batch.get(i).action()).length()).sum())
                .isLessThanOrEqualTo(InlineFiles.SCRIPT_BUDGET);
        List<Planned> quotes = List.of(put(DesiredFile.text("/etc/q", "'".repeat(20_000))), put(DesiredFile.text("/etc/r", "x\n")));
        assertThat(InlineFiles.choose(quotes)).as("a file of quotes grows tenfold when quoted twice: over the budget")
                .containsExactly(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "/bin/bash"})
    void everyByteArrivesWithOneProcessPerFileAndTheManifestRecordsEach(String shell) throws Exception {
        String tricky = "it's \"quoted\" $(touch " + dir.resolve("pwned") + ") `x` \\n %s %% \\\\ ünïcödé\n\n";
        String noNewline = "last line without newline";
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "old hosts, longer than the new one\n");
        Object inode = Files.getAttribute(hosts, "unix:ino");
        List<Planned> batch = List.of(
                put(file("etc/app/tricky.conf", tricky)),
                put(file("etc/app/raw", noNewline).withMode(0755)),
                put(file("etc/other/deep/x.yaml", "a: 1\n")),
                put(file("hosts", "127.0.0.1 localhost\n").inPlace()));

        Run r = run(shell, ApplyScript.build(batch, Map.of(), "/nonexistent"));

        assertThat(r.exit).as(r.err).isZero();
        assertThat(ApplyScript.done(r.out)).containsExactly(0, 1, 2, 3);
        assertThat(Files.readString(dir.resolve("etc/app/tricky.conf"))).isEqualTo(tricky);
        assertThat(Files.readString(dir.resolve("etc/app/raw"))).isEqualTo(noNewline);
        assertThat(Files.readString(dir.resolve("etc/other/deep/x.yaml"))).isEqualTo("a: 1\n");
        assertThat(dir.resolve("pwned")).as("content is never evaluated").doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("etc/app/raw")))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("etc/app/tricky.conf")))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(hosts)).isEqualTo("127.0.0.1 localhost\n");
        assertThat(Files.getAttribute(hosts, "unix:ino")).as("in place").isEqualTo(inode);
        try (var files = Files.walk(dir.resolve("etc"))) {
            assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith(ApplyScript.TEMP_SUFFIX));
        }
        StringBuilder manifest = new StringBuilder();
        batch.forEach(p -> manifest.append(((PutFile) p.action()).file().sha256()).append("  ").append(((PutFile) p.action()).path()).append('\n'));
        assertThat(Files.readString(dir.resolve("manifest"))).isEqualTo(manifest.toString());
    }

    @Test
    void aRerunReplacesTheManifestLinesOfTheFilesItWroteAndKeepsTheOthers() throws Exception {
        DesiredFile a = file("a.conf", "one\n");
        DesiredFile b = file("b.conf", "two\n");
        Files.writeString(dir.resolve("manifest"), "0000  /elsewhere\n");
        assertThat(run("/bin/sh", ApplyScript.build(List.of(put(a), put(b)), Map.of(), "/x")).exit).isZero();
        DesiredFile a2 = file("a.conf", "one, changed\n");
        assertThat(run("/bin/sh", ApplyScript.build(List.of(put(a2)), Map.of(), "/x")).exit).isZero();

        assertThat(Files.readAllLines(dir.resolve("manifest"))).containsExactlyInAnyOrder(
                "0000  /elsewhere", b.sha256() + "  " + b.path(), a2.sha256() + "  " + a2.path());
        assertThat(dir.resolve("backups")).as("nothing was edited by hand").doesNotExist();
    }

    @Test
    void aFileEditedByHandIsBackedUpBeforeItIsReplaced() throws Exception {
        DesiredFile a = file("a.conf", "as written\n");
        assertThat(run("/bin/sh", ApplyScript.build(List.of(put(a)), Map.of(), "/x")).exit).isZero();
        Files.writeString(dir.resolve("a.conf"), "edited by hand\n");

        Run r = run("/bin/sh", ApplyScript.build(List.of(put(file("a.conf", "new\n"))), Map.of(), "/x"));

        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains(WrittenFiles.BACKUP_NOTE + dir.resolve("a.conf"));
        try (var backups = Files.walk(dir.resolve("backups"))) {
            assertThat(backups.filter(Files::isRegularFile).toList()).singleElement()
                    .satisfies(f -> assertThat(Files.readString(f)).isEqualTo("edited by hand\n"));
        }
        assertThat(Files.readString(dir.resolve("a.conf"))).isEqualTo("new\n");
    }

    @Test
    void aFailedPlacementNamesItsActionLeavesNoTemporaryFileAndRecordsWhatWasDone() throws Exception {
        Files.writeString(dir.resolve("blocker"), "a file where a directory should be\n");
        DesiredFile ok = file("ok.conf", "fine\n");
        List<Planned> batch = List.of(put(ok), new Planned("cmd", RunCommand.of("x", "true")),
                put(file("second.conf", "2\n")), put(file("blocker/inside.conf", "never\n")));

        Run r = run("/bin/sh", ApplyScript.build(batch, Map.of(), "/x"));

        assertThat(r.exit).isNotZero();
        assertThat(ApplyScript.failed(r.out)).isEqualTo(3);
        assertThat(ApplyScript.done(r.out)).containsExactly(0, 1);
        assertThat(dir.resolve("second.conf")).as("written in the same run of files, before the failure: not placed").doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith(ApplyScript.TEMP_SUFFIX));
        }
        assertThat(Files.readString(dir.resolve("manifest"))).isEqualTo(ok.sha256() + "  " + ok.path() + "\n");
    }

    @Test
    void aTemporaryNameThatIsAlreadyThereIsRemovedNotFollowed() throws Exception {
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "precious\n");
        Path dest = dir.resolve("conf");
        Files.createSymbolicLink(dir.resolve(".conf" + ApplyScript.TEMP_SUFFIX), victim);

        Run r = run("/bin/sh", ApplyScript.build(List.of(put(file("conf", "new\n"))), Map.of(), "/x"));

        assertThat(r.exit).as(r.err).isZero();
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(Files.readString(dest)).isEqualTo("new\n");
        assertThat(Files.isSymbolicLink(dest)).isFalse();
    }

    @Test
    void unitActionsRunInTheScriptsShellAndConsecutiveEnablesAreOneCommand() throws Exception {
        List<Planned> batch = List.of(
                new Planned("a", new EnsureUnit("a.service", true, false)),
                new Planned("b", new EnsureUnit("b.service", true, false)),
                new Planned("a", new DaemonReload(List.of("/etc/systemd/system/a.service"))),
                new Planned("a", new EnsureUnit("a.service", false, true)),
                new Planned("b", new RestartUnit("b.service", List.of("/etc/b"))));
        String script = ApplyScript.build(batch, Map.of(), "/x");
        assertThat(script).doesNotContain("sh -ec").doesNotContain("rm -rf");

        Run r = run("/bin/sh", script);

        assertThat(r.exit).as(r.err).isZero();
        assertThat(ApplyScript.done(r.out)).containsExactly(0, 1, 2, 3, 4);
        assertThat(Files.readAllLines(dir.resolve("systemctl.log"))).containsExactly(
                "enable --no-reload a.service b.service", "daemon-reload", "start a.service", "restart b.service");
    }

    @Test
    void aFailedGroupEnableIsRetriedUnitByUnitSoTheFailureNamesItsOwnAction() throws Exception {
        List<Planned> batch = List.of(
                new Planned("a", new EnsureUnit("a.service", true, false)),
                new Planned("b", new EnsureUnit("broken.service", true, false)),
                new Planned("c", new EnsureUnit("c.service", true, false)));

        Run r = run("/bin/sh", ApplyScript.build(batch, Map.of(), "/x"));

        assertThat(r.exit).isEqualTo(5);
        assertThat(ApplyScript.failed(r.out)).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("systemctl.log"))).containsExactly(
                "enable --no-reload a.service broken.service c.service", "enable --no-reload a.service",
                "enable --no-reload broken.service");
    }

    @Test
    void stagedFilesKeepTheirOwnShellAndTheStageIsRemoved() throws Exception {
        Path stage = Files.createDirectories(dir.resolve("stage"));
        Files.writeString(stage.resolve("0"), "secret\n");
        DesiredFile key = file("key.pem", "secret\n").withMode(0600).asSensitive();
        Map<Integer, String> staged = new HashMap<>(Map.of(0, stage.resolve("0").toString()));

        Run r = run("/bin/sh", ApplyScript.build(List.of(put(key), put(file("pub.conf", "public\n"))), staged, stage.toString()));

        assertThat(r.exit).as(r.err).isZero();
        assertThat(Files.readString(dir.resolve("key.pem"))).isEqualTo("secret\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("key.pem")))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("pub.conf"))).isEqualTo("public\n");
        assertThat(stage).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("manifest"))).hasSize(2);
    }

    private record Run(int exit, String out, String err) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "/bin/bash"})
    void aNewFileForRootIsNotChownedUnlessItsDirectoryIsSetgid(String shell) throws Exception {
        assumeTrue("root".equals(owner) && "root".equals(group), "the apply script runs as root; so must this test");
        Path bin = dir.resolve("bin");
        Files.writeString(bin.resolve("chown"), "#!/bin/sh\necho \"$*\" >> \"$(dirname \"$0\")/../chown.log\"\nexec /bin/chown \"$@\"\n");
        bin.resolve("chown").toFile().setExecutable(true);
        Path shared = Files.createDirectories(dir.resolve("shared"));
        exec("chgrp", "daemon", shared.toString());
        exec("chmod", "2775", shared.toString());
        List<Planned> batch = List.of(
                put(file("plain/a.conf", "a\n")),
                put(file("shared/b.conf", "b\n")));

        Run r = run(shell, ApplyScript.build(batch, Map.of(), "/nonexistent"));

        assertThat(r.exit).as(r.err).isZero();
        assertThat(Files.getAttribute(dir.resolve("plain/a.conf"), "posix:group").toString()).isEqualTo("root");
        assertThat(Files.getAttribute(dir.resolve("shared/b.conf"), "posix:group").toString())
                .as("a setgid directory hands its group down: chowned back").isEqualTo("root");
        assertThat(Files.readString(dir.resolve("chown.log"))).as("one chown, for the file in the setgid directory only")
                .isEqualTo("root:root " + dir.resolve("shared/.b.conf" + ApplyScript.TEMP_SUFFIX) + "\n");
    }

    private Run run(String shell, String script) throws IOException, InterruptedException {
        String local = script.replace(WrittenFiles.MANIFEST, dir.resolve("manifest").toString())
                .replace(WrittenFiles.BACKUPS, dir.resolve("backups").toString());
        ProcessBuilder pb = new ProcessBuilder(shell, "-c", local);
        pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    private static String exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
