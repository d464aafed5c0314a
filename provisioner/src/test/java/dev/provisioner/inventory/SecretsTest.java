package dev.provisioner.inventory;

import dev.provisioner.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.provisioner.inventory.Fixtures.errors;
import static dev.provisioner.inventory.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

/** ${env:NAME} and ${file:PATH} resolution, masking, and the plain-text warning. */
class SecretsTest {
    private static final String SUDO = "  user: admin\n  sudo: password\n  sudoPassword: %s\n  auth:";

    @Test
    void environmentReferenceResolvesThroughTheInjectedLookup() {
        Inventory inv = Fixtures.parse(replace("  auth:", SUDO.formatted("${env:SUDO_PASSWORD}")));
        Host master = inv.hosts().get(0);
        assertThat(master.sudo()).isEqualTo(SudoMode.PASSWORD);
        assertThat(master.sudoPassword().orElseThrow().reveal()).isEqualTo("s3cret");
        assertThat(inv.warnings()).isEmpty();
    }

    @Test
    void missingEnvironmentVariableIsAnErrorAtItsLocation() {
        assertThat(errors(replace("  auth:", SUDO.formatted("${env:NOPE}")))).containsExactly(
                "test.yaml:4:17: defaults.sudoPassword: environment variable NOPE is not set (fix: export NOPE before running, or use ${file:PATH})");
    }

    @Test
    void fileReferenceResolvesRelativeToTheInventoryFolder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/sudo.txt"), "from-file\n");
        Path file = dir.resolve("inv.yaml");
        Files.writeString(file, replace("  auth:", SUDO.formatted("${file:secrets/sudo.txt}")));
        Inventory inv = Fixtures.LOADER.load(file);
        assertThat(inv.hosts().get(0).sudoPassword().orElseThrow().reveal()).isEqualTo("from-file");
        assertThat(inv.hosts().get(0).auth()).isEqualTo(new HostAuth.KeyFile(Path.of("/home/tester/.ssh/id_ed25519"), java.util.Optional.empty()));
    }

    @Test
    void missingFileIsAnErrorAtItsLocation() {
        assertThat(errors(replace("  auth:", SUDO.formatted("${file:missing.txt}")))).containsExactly(
                "test.yaml:4:17: defaults.sudoPassword: secret file /work/inv/missing.txt does not exist "
                        + "(fix: create it or correct the path (relative paths start at the inventory's folder))");
    }

    @Test
    void malformedReference() {
        assertThat(errors(replace("  auth:", SUDO.formatted("${vault:x}")))).containsExactly(
                "test.yaml:4:17: defaults.sudoPassword: '${vault:x}' is not a valid secret reference (fix: write ${env:NAME} or ${file:PATH})");
    }

    @Test
    void plainPasswordIsAcceptedWithAWarning() {
        Inventory inv = Fixtures.parse(replace("  auth:", SUDO.formatted("hunter2")));
        assertThat(inv.warnings()).extracting(ValidationProblem::format).containsExactly(
                "test.yaml:4:17: warning: defaults.sudoPassword: secret written in plain text in the inventory "
                        + "(fix: use ${env:NAME} or ${file:PATH} instead)");
        assertThat(inv.warnings().get(0).severity()).isEqualTo(ValidationProblem.Severity.WARNING);
    }

    @Test
    void passwordAuthAndRegistryPassword() {
        Inventory inv = Fixtures.parse(replace("    keyFile: ~/.ssh/id_ed25519", "    password: ${env:SUDO_PASSWORD}")
                + "  registry:\n    auth:\n      user: admin\n      password: ${env:REGISTRY_PASSWORD}\n");
        assertThat(inv.hosts().get(0).auth()).isEqualTo(new HostAuth.Password(Secret.of("s3cret")));
        assertThat(inv.cluster().registry().auth().orElseThrow().password().reveal()).isEqualTo("r3g");
    }

    @Test
    void secretsAreMaskedInToString() {
        Inventory inv = Inventory.loader().withEnv(Map.of("P", "topsecret")::get)
                .parse(replace("  auth:", SUDO.formatted("${env:P}")), "x.yaml", Path.of("/"));
        assertThat(inv.hosts().get(0).toString() + inv.hosts().get(0).sudoPassword() + inv.cluster())
                .doesNotContain("topsecret").contains("******");
    }
}
