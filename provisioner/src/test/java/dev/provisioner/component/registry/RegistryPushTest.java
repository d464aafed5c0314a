package dev.provisioner.component.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Push credentials generated once into the state directory, 0600, and reused. */
class RegistryPushTest {
    @Test
    void generatedOnceIntoTheStateDirectory0600AndReused(@TempDir Path state) throws Exception {
        RegistryPush first = RegistryPush.generated(state);
        Path file = state.resolve(RegistryPush.CREDENTIALS_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(first.user()).isEqualTo("push");
        assertThat(first.password().reveal()).hasSize(48).matches("[0-9a-f]+");
        assertThat(Files.readString(file)).isEqualTo("push:" + first.password().reveal() + "\n");
        assertThat(RegistryPush.generated(state).password().reveal()).isEqualTo(first.password().reveal());
        assertThat(first.toString()).doesNotContain(first.password().reveal());
        assertThat(RegistryPush.generated(Files.createDirectory(state.resolve("other"))).password().reveal())
                .isNotEqualTo(first.password().reveal());
    }
}
