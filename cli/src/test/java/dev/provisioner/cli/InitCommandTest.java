package dev.provisioner.cli;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code provisioner init}: a commented starter inventory that validates, never overwriting by accident. */
class InitCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesACommentedInventoryThatValidates() throws Exception {
        Path file = dir.resolve("site/inv.yaml");
        CliRun run = CliRun.of("init", "--name", "demo", "--master", "10.4.4.4", "--node", "10.4.4.5", "--node", "web2=10.4.4.7",
                "--registry", "10.4.4.8", "--user", "deploy", "--key", "keys/id_ed25519", "-o", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote " + file + " (4 hosts)");

        String text = Files.readString(file);
        assertThat(text).contains("# Starter inventory written by `provisioner init`").contains("provisioner validate -i " + file)
                .contains("hostKeyPolicy: strict").contains("# bastion:");
        Files.writeString(Files.createDirectories(dir.resolve("site/keys")).resolve("id_ed25519"), "validate checks that it exists\n");
        CliRun validate = CliRun.of("validate", "-i", file.toString());
        assertThat(validate.exitCode()).as(validate.err()).isZero();
        assertThat(validate.out()).contains("valid (4 hosts: 1 master, 2 node, registry registry)");

        Inventory inv = Inventory.load(file);
        assertThat(inv.hosts()).extracting(Host::name).containsExactly("master", "node01", "web2", "registry");
        assertThat(inv.host("web2").orElseThrow().address()).isEqualTo("10.4.4.7");
        assertThat(inv.host("master").orElseThrow().user()).isEqualTo("deploy");
        assertThat(inv.cluster().name()).isEqualTo("demo");
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        Path file = Files.writeString(dir.resolve("inv.yaml"), "mine\n");
        CliRun run = CliRun.of("init", "--master", "10.0.0.1", "--node", "10.0.0.2", "-o", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("exists; not overwriting it (use --force");
        assertThat(file).hasContent("mine");

        CliRun forced = CliRun.of("init", "--master", "10.0.0.1", "--node", "10.0.0.2", "-o", file.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Inventory.load(file).cluster().registry().enabled()).isFalse();
    }

    @Test
    void hostsThatDoNotMakeAValidInventoryAreReportedAndNothingIsWritten() {
        Path file = dir.resolve("inv.yaml");
        CliRun run = CliRun.of("init", "--master", "10.4.4.300", "--node", "bad\"name=10.0.0.2", "-o", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("10.4.4.300").contains("not written");
        assertThat(file).doesNotExist();
    }

    @Test
    void mastersAndNodesAreRequired() {
        CliRun run = CliRun.of("init", "--master", "10.0.0.1", "-o", dir.resolve("x.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("--node");
    }
}
