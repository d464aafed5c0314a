package dev.provisioner.cli;

import dev.provisioner.inventory.InvalidInventoryCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bundle create} option errors, and {@code apply --bundle} refusing a damaged bundle before any connection. */
class BundleCommandTest {
    @TempDir
    Path dir;

    private Path inventory(ConnectionCounter master, ConnectionCounter registry) throws IOException {
        Files.writeString(dir.resolve("password.txt"), "control-password\n");
        Files.writeString(dir.resolve("known_hosts"), "");
        return Files.writeString(dir.resolve("valid.yaml"), InvalidInventoryCorpus.VALID
                .replace("    keyFile: ~/.ssh/id_ed25519\n", "    password: ${file:password.txt}\n")
                .replace("50022", String.valueOf(master.port())).replace("50023", String.valueOf(registry.port()))
                + "  ssh:\n    knownHosts: known_hosts\n    connectTimeout: 5\n");
    }

    @Test
    void anUnknownArchitectureIsAnOptionError() throws IOException {
        try (ConnectionCounter m = new ConnectionCounter(); ConnectionCounter r = new ConnectionCounter()) {
            CliRun run = CliRun.of("bundle", "create", "-i", inventory(m, r).toString(), "-o",
                    dir.resolve("b.tar").toString(), "--arch", "sparc", "--state", dir.resolve("state").toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).contains("--arch").contains("sparc");
            assertThat(dir.resolve("b.tar")).doesNotExist();
        }
    }

    @Test
    void applyRefusesABundleThatIsNotOneBeforeContactingAnyHost() throws IOException {
        try (ConnectionCounter m = new ConnectionCounter(); ConnectionCounter r = new ConnectionCounter()) {
            Path bundle = Files.writeString(dir.resolve("cluster.bundle"), "this is not a tar file, just text");
            CliRun run = CliRun.of("apply", "-i", inventory(m, r).toString(), "--bundle", bundle.toString(),
                    "--state", dir.resolve("state").toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).contains("bundle").contains(bundle.toString()).contains("refused");
            assertThat(m.accepted() + r.accepted()).isZero();
            assertThat(dir.resolve("state/bundle")).doesNotExist();
        }
    }
}
