package dev.provisioner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivateDirectoriesTest {
    @TempDir
    Path dir;

    @Test
    void everyFolderItCreatesIsOwnerOnlyAndExistingOnesKeepTheirMode() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path deep = dir.resolve("state/secrets/keys");
        assertThat(PrivateDirectories.create(deep)).isEqualTo(deep);
        assertThat(mode(dir.resolve("state"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("state/secrets"))).isEqualTo("rwx------");
        assertThat(mode(deep)).isEqualTo("rwx------");
        assertThat(mode(dir)).as("an existing folder is left as it is").isEqualTo("rwxr-xr-x");
        assertThat(PrivateDirectories.create(deep)).as("again: nothing to do").isEqualTo(deep);
    }

    @Test
    void aFileInTheWayIsAnError() throws IOException {
        Files.writeString(dir.resolve("state"), "not a folder");
        assertThatThrownBy(() -> PrivateDirectories.create(dir.resolve("state"))).isInstanceOf(IOException.class);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
