package dev.provisioner.cli;

import dev.provisioner.lab.LabSettings;
import dev.provisioner.transport.UnreachableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab commands' options and errors that need no Docker engine. */
class LabOptionsTest {

    @Test
    void labWithoutSubcommandPrintsItsUsage() {
        CliRun run = CliRun.of("lab");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: provisioner lab").contains("up").contains("status").contains("down");
    }

    @Test
    void aTopologyOrNameOutOfRangeIsAnInputError() {
        CliRun nodes = CliRun.of("lab", "up", "--nodes", "0", "--name", "never");
        assertThat(nodes.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(nodes.err()).contains("nodes must be 1..98, got 0");

        CliRun name = CliRun.of("lab", "status", "--name", "Bad_Name");
        assertThat(name.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(name.err()).contains("lab name must be lowercase letters");
    }

    @Test
    void theDefaultLabLivesInTheCheckoutNamedByProvisionerHome(@TempDir Path checkout) {
        String before = System.getProperty(LabOptions.HOME_PROPERTY);
        System.setProperty(LabOptions.HOME_PROPERTY, checkout.toString());
        try {
            LabSettings settings = new LabOptions().settings();
            assertThat(settings.name()).isEqualTo("lab");
            assertThat(settings.inventory()).isEqualTo(checkout.resolve("inventories/lab.yaml"));
            assertThat(settings.stateDir()).isEqualTo(checkout.resolve(".provisioner/lab"));
            assertThat(settings.scriptsDir()).isEqualTo(checkout.resolve("lab"));
            assertThat(settings.containerName("node01")).isEqualTo("provisioner-lab-node01");

            LabOptions named = new LabOptions();
            named.name = "demo";
            assertThat(named.settings().inventory()).isEqualTo(checkout.resolve("inventories/demo.yaml"));
            assertThat(named.asArguments()).isEqualTo(" --name demo");
        } finally {
            if (before == null) {
                System.clearProperty(LabOptions.HOME_PROPERTY);
            } else {
                System.setProperty(LabOptions.HOME_PROPERTY, before);
            }
        }
    }

    @Test
    void errorsFromParallelWorkAreReportedByTheirCause() {
        assertThat(ErrorReporter.exitCode(new CompletionException(new UnreachableException("master", "refused"))))
                .isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(ErrorReporter.unwrap(new CompletionException(new IllegalStateException("x"))))
                .isInstanceOf(IllegalStateException.class);
    }
}
