package dev.provisioner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    @Test
    void theShippedReferenceInventoryIsValid() {
        CliRun run = CliRun.of("validate", "-i", "../inventories/blog-2018.yaml");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("valid (4 hosts: 1 master, 2 node, registry registry)");
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
