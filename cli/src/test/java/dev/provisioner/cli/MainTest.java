package dev.provisioner.cli;

import dev.provisioner.Version;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @Test
    void versionNamesTheBuiltVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("provisioner " + Version.current());
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void theVersionFastPathPrintsExactlyWhatPicocliPrints() {
        for (String flag : new String[] {"--version", "-V"}) {
            CliRun run = CliRun.of(flag);
            assertThat(Main.asksForTheVersionOnly(new String[] {flag})).isTrue();
            assertThat(Main.versionText()).as(flag).isEqualTo(run.out());
        }
        assertThat(Main.asksForTheVersionOnly(new String[] {"--version", "apply"})).isFalse();
        assertThat(Main.asksForTheVersionOnly(new String[] {"apply"})).isFalse();
        assertThat(Main.asksForTheVersionOnly(new String[0])).isFalse();
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: provisioner").contains("validate");
    }

    @Test
    void anUnknownCommandIsAnInputError() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("frobnicate");
    }
}
