package dev.provisioner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    /** The shipped inventory with its key file pointing at a file that exists (validate checks key files). */
    private static Path shipped(Path dir, boolean withKey) throws IOException {
        Path key = dir.resolve("id_ed25519");
        if (withKey) {
            Files.writeString(key, "not a real key; validate only checks that the file exists\n");
        }
        return Files.writeString(dir.resolve("blog-2018.yaml"), Files.readString(Path.of("../inventories/blog-2018.yaml"))
                .replace("~/.ssh/id_ed25519", key.toString()));
    }

    @Test
    void theShippedReferenceInventoryIsValid(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("validate", "-i", shipped(dir, true).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("valid (4 hosts: 1 master, 2 node, registry registry)");
    }

    @Test
    void aKeyFileThatDoesNotExistIsAnError(@TempDir Path dir) throws IOException {
        Path inventory = shipped(dir, false);
        CliRun run = CliRun.of("validate", "-i", inventory.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(inventory + ": hosts[master].auth.keyFile: the key file " + dir.resolve("id_ed25519")
                + " does not exist").contains("invalid (");
    }

    @Test
    void aKubernetesVersionOutsideTheSupportedRangeIsRefusedByValidate(@TempDir Path dir) throws IOException {
        Path inventory = shipped(dir, true);
        Files.writeString(inventory, Files.readString(inventory).replace("  name: blog-2018\n", "  name: blog-2018\n  versions:\n    kubernetes: \"1.29.3\"\n"));
        CliRun run = CliRun.of("validate", "-i", inventory.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("cluster.versions.kubernetes: Kubernetes 1.29.3 is not supported");
    }

    @Test
    void anInvalidInventoryExitsTwoNamingFileLineAndField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                hosts:
                  - name: master
                    address: 10.4.4.300
                    user: root
                    auth: {keyFile: ~/.ssh/id_ed25519}
                    roles: [master, node, registry]
                cluster:
                  name: bad
                """);
        CliRun run = CliRun.of("validate", "-i", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":3:14: hosts[0].address").contains("invalid (1 error)");
    }

    @Test
    void aMissingFileIsAnInputError(@TempDir Path dir) {
        CliRun run = CliRun.of("validate", "-i", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.yaml");
    }
}
