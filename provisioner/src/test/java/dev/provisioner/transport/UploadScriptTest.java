package dev.provisioner.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the finishing script with the local /bin/sh, against files staged in a temp dir. */
class UploadScriptTest {

    @Test
    void stagingDirectoriesAreFreshAndPrivateUnderTmp() {
        String a = UploadScript.stagingDir();
        assertThat(a).startsWith("/tmp/").isNotEqualTo(UploadScript.stagingDir());
        assertThat(UploadScript.stagedPath(a, 3)).isEqualTo(a + "/3");
    }

    @Test
    void movesEveryStagedFileIntoPlaceWithItsModeAndRemovesTheStaging(@TempDir Path tmp) throws Exception {
        Path staging = Files.createDirectory(tmp.resolve("staging"));
        Files.writeString(staging.resolve("0"), "first");
        Files.writeString(staging.resolve("1"), "second");
        Path dest1 = tmp.resolve("dir with space/it's.conf");
        Path dest2 = tmp.resolve("old.txt");
        Files.writeString(dest2, "old");
        Command finish = UploadScript.finish(staging.toString(), List.of(
                Upload.of(dest1.toString(), new byte[0]).withMode(0600),
                Upload.of(dest2.toString(), new byte[0]).withMode(0755)));
        assertThat(finish.root()).isTrue();
        assertThat(sh(finish.line())).isZero();
        assertThat(Files.readString(dest1)).isEqualTo("first");
        assertThat(Files.readString(dest2)).isEqualTo("second");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dest1))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dest2))).isEqualTo("rwxr-xr-x");
        assertThat(staging).doesNotExist();
        try (var files = Files.list(dest1.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("it's.conf");
        }
    }

    @Test
    void aFailureLeavesTheOldFileAndStillRemovesTheStaging(@TempDir Path tmp) throws Exception {
        Path staging = Files.createDirectory(tmp.resolve("staging"));
        Files.writeString(staging.resolve("0"), "new");
        Path dest = tmp.resolve("keep.txt");
        Files.writeString(dest, "old");
        Path blocked = tmp.resolve("a-file");
        Files.writeString(blocked, "not a directory");
        Command finish = UploadScript.finish(staging.toString(), List.of(
                Upload.of(blocked.resolve("x/y").toString(), new byte[0]),
                Upload.of(dest.toString(), new byte[0])));
        assertThat(sh(finish.line())).isNotZero();
        assertThat(Files.readString(dest)).isEqualTo("old");
        assertThat(staging).doesNotExist();
    }

    @Test
    void aFailureAfterTheCopyRemovesThePartialTemporaryFileBesideTheDestination(@TempDir Path tmp) throws Exception {
        Path staging = Files.createDirectory(tmp.resolve("staging"));
        Files.writeString(staging.resolve("0"), "new");
        Path dest = tmp.resolve("keep.conf");
        Files.writeString(dest, "old");
        Command finish = UploadScript.finish(staging.toString(), List.of(
                Upload.of(dest.toString(), new byte[0]).withOwner("no-such-user-of-provisioner", null)));
        assertThat(sh(finish.line())).isNotZero();
        assertThat(Files.readString(dest)).isEqualTo("old");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keep.conf");
        }
    }

    @Test
    void aNamePreCreatedBesideTheDestinationIsNeverUsedTheTemporaryFileComesFromMktemp(@TempDir Path tmp) throws Exception {
        Path staging = Files.createDirectory(tmp.resolve("staging"));
        Files.writeString(staging.resolve("0"), "secret snapshot");
        Path dest = tmp.resolve("snap.db");
        Path loot = Files.writeString(tmp.resolve("attacker-readable"), "");
        // What another local user could plant under the old, predictable temporary name.
        Files.createSymbolicLink(tmp.resolve(".snap.db" + UploadScript.TEMP_SUFFIX), loot);
        Files.createSymbolicLink(tmp.resolve(".snap.db" + UploadScript.TEMP_SUFFIX + ".XXXXXXXXXX"), loot);
        Command finish = UploadScript.finish(staging.toString(), List.of(Upload.of(dest.toString(), new byte[0]).withMode(0600)));
        assertThat(finish.line()).contains("tmp=$(mktemp -- " + Command.quote(tmp + "/.snap.db.provisioner-tmp.XXXXXXXXXX") + ")");
        assertThat(sh(finish.line())).isZero();
        assertThat(Files.readString(dest)).isEqualTo("secret snapshot");
        assertThat(Files.isSymbolicLink(dest)).isFalse();
        assertThat(Files.readString(loot)).as("nothing was written through the planted names").isEmpty();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("snap.db", "attacker-readable",
                    ".snap.db.provisioner-tmp", ".snap.db.provisioner-tmp.XXXXXXXXXX");
        }
    }

    @Test
    void leftoversOfAnInterruptedUploadAreMatchedByAGlobAfterTheQuotedName() {
        assertThat(UploadScript.leftoverPattern("/etc/it's/a.conf")).isEqualTo("'/etc/it'\\''s/.a.conf.provisioner-tmp'*");
        assertThat(UploadScript.leftoverPattern("/top")).isEqualTo("/.top.provisioner-tmp*");
    }

    private static int sh(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void uploadRecordValidatesItsInput() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Upload.of("relative", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Upload.of("/x", "abc".getBytes(StandardCharsets.UTF_8)).withMode(0640).modeOctal()).isEqualTo("0640");
    }
}
