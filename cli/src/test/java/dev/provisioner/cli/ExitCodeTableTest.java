package dev.provisioner.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One exit-code table: no number with two meanings, and plan's "changes pending" is not "invalid input". */
class ExitCodeTableTest {

    @Test
    void everyCodeHasOneMeaning() {
        assertThat(Arrays.stream(ExitCode.values()).map(ExitCode::code)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(ExitCode.values()).map(ExitCode::label)).doesNotHaveDuplicates();
        assertThat(ExitCode.of(ExitCodes.CHANGES_PENDING)).contains(ExitCode.CHANGES_PENDING);
    }

    @Test
    void plansChangesPendingAndInvalidInputDiffer() {
        assertThat(ExitCodes.CHANGES_PENDING).isNotEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(HelpLayout.declared(new PlanCommand())).contains(ExitCode.CHANGES_PENDING, ExitCode.INVALID_INPUT);
        CliRun invalid = CliRun.of("plan", "-i", Path.of("src/test/resources/inventories/broken.yaml").toString());
        assertThat(invalid.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        CliRun help = CliRun.of("plan", "--help");
        assertThat(help.out()).containsPattern("(?m)^ +" + ExitCodes.CHANGES_PENDING + " +plan: the hosts differ")
                .containsPattern("(?m)^ +" + ExitCodes.INVALID_INPUT + " +invalid input");
    }

    @Test
    void checkDoesNotReuseApplysIncomplete() {
        assertThat(HelpLayout.declared(new CheckCommand())).doesNotContain(ExitCode.INCOMPLETE).contains(ExitCode.NOT_INSTALLED);
        assertThat(ExitCodes.NOT_INSTALLED).isNotEqualTo(ExitCodes.INCOMPLETE);
    }

    @Test
    void everyCommandsHelpListsItsExitCodesGroupsIncluded() {
        for (List<String> command : List.of(List.of("lab"), List.of("certs"), List.of("etcd"), List.of("lab", "down"),
                List.of("validate"), List.of("init"))) {
            String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            assertThat(CliRun.of(args).out()).as("%s", command).contains("Exit codes")
                    .containsPattern("(?m)^ +0 +success");
        }
    }
}
