package dev.provisioner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code provisioner cis}: the gate's verdict printed; exit 0 when it passes, 2 when a check fails unaccepted. */
class CisCommandTest {
    @TempDir
    Path state;
    @TempDir
    Path templates;

    @Test
    void theShippedInventoryPasses() {
        CliRun run = CliRun.of("cis", "-i", "../inventories/blog-2018.yaml", "--state", state.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1.2.1").contains("passed: 0 refused, 0 accepted exception(s)");
    }

    @Test
    void aFailingOverrideExitsTwoAndPlanRefusesItToo() throws Exception {
        Files.createDirectories(templates.resolve("kube"));
        Files.writeString(templates.resolve("kube/kube-apiserver.service.ftl"),
                Files.readString(Path.of("..", "templates", "kube", "kube-apiserver.service.ftl")).replace("--profiling=false", "--profiling=true"));
        CliRun run = CliRun.of("cis", "-i", "../inventories/blog-2018.yaml", "--state", state.toString(), "--templates", templates.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("refused: CIS 1.2.").contains("fails on master").contains("failed: 1 refused");
        CliRun plan = CliRun.of("plan", "-i", "../inventories/blog-2018.yaml", "--state", state.toString(), "--templates", templates.toString());
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(plan.err()).contains("fails on master");
    }
}
