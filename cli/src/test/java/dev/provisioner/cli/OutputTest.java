package dev.provisioner.cli;

import dev.provisioner.api.FailureKind;
import java.util.stream.Stream;

import dev.provisioner.api.ActionReport;
import dev.provisioner.api.Counters;
import dev.provisioner.api.HostReport;
import dev.provisioner.api.ProvisionEvent;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.RunMode;
import dev.provisioner.api.StepFailure;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;
import dev.provisioner.transport.SecretMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit codes, the summary tables, the log file and the three progress displays, without hosts. */
class OutputTest {
    private static final String MISSING = "master: phase flannel, step flannel-binaries: 1 release file is missing and cannot"
            + " be obtained here:\n  - kube-apiserver 1.34.0 amd64: DIR/v1.34.0/linux/amd64/kube-apiserver\nSupply them with --artifacts DIR";

    private static StepFailure incomplete(String host) {
        return new StepFailure(host, "flannel", "flannel-binaries", "obtain release artifacts", -1, "",
                MISSING.replace("master:", host + ":"), true);
    }

    private static final StepFailure FAILED = new StepFailure("node01", "registry", "registry-package", "install docker-registry",
            100, "E: Unable to locate package docker-registry", "node01: phase registry, step registry-package: 'install' exited 100");
    private static final StepFailure UNREACHABLE = new StepFailure("node02", "registry", "connect", "connect", -1, "",
            "node02: phase registry, step connect: connection refused");
    private static final StepFailure TIMEOUT = new StepFailure("registry", "registry", "registry-service", "wait until /v2/ answers",
            1, "health check failed after 30s: GET /v2/", "registry: phase registry, step registry-service: exited 1");

    @Test
    void exitCodesFollowTheDocumentedPrecedence() {
        assertThat(ApplyCommand.exitCode(report())).isEqualTo(ExitCodes.OK);
        assertThat(ApplyCommand.exitCode(report(incomplete("master")))).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(ApplyCommand.exitCode(report(TIMEOUT))).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(ApplyCommand.exitCode(report(TIMEOUT, incomplete("master")))).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(ApplyCommand.exitCode(report(FAILED, TIMEOUT))).isEqualTo(ExitCodes.STEP_FAILED);
        assertThat(ApplyCommand.exitCode(report(incomplete("master"), FAILED))).isEqualTo(ExitCodes.STEP_FAILED);
        assertThat(ApplyCommand.exitCode(report(FAILED, UNREACHABLE))).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(List.of(ExitCodes.OK, ExitCodes.ERROR, ExitCodes.INVALID_INPUT, ExitCodes.UNREACHABLE, ExitCodes.STEP_FAILED,
                ExitCodes.TIMEOUT, ExitCodes.INCOMPLETE)).doesNotHaveDuplicates();
    }

    @Test
    void summaryShowsPhasesHostsOneLineErrorsAndMissingFilesOnce() {
        List<StepReport> master = List.of(
                step("prepare-hosts", "master", "hosts-file", StepStatus.CHANGED, null),
                step("flannel", "master", "flannel-binaries", StepStatus.FAILED, incomplete("master")),
                step("control-plane", "master", "control-plane-binaries", StepStatus.SKIPPED, null));
        List<StepReport> node = List.of(
                step("prepare-hosts", "node01", "hosts-file", StepStatus.UNCHANGED, null),
                step("flannel", "node01", "flannel-binaries", StepStatus.FAILED, incomplete("node01")));
        ProvisionReport report = new ProvisionReport(RunMode.APPLY,
                List.of(new HostReport("master", master, Counters.ZERO), new HostReport("node01", node, Counters.ZERO)),
                List.of(incomplete("master"), incomplete("node01")), Duration.ofSeconds(3));
        StringWriter text = new StringWriter();
        Summary.print(new PrintWriter(text), report);
        String out = text.toString();

        assertThat(out).containsPattern("prepare-hosts +done +master,node01")
                .containsPattern("flannel +incomplete: missing release files +master,node01")
                .containsPattern("control-plane +not run \\(stopped at flannel\\) +master");
        assertThat(out).contains("error: master flannel/flannel-binaries: 1 release file is missing and cannot be obtained here:"
                + " (what to do: supply the release files listed below with --artifacts DIR, then run again)");
        // The same list on two hosts is printed once, in full, with how to supply it.
        assertThat(out.split("Not done: release files are missing", -1)).hasSize(2);
        assertThat(out).contains("  - kube-apiserver 1.34.0 amd64: DIR/v1.34.0/linux/amd64/kube-apiserver");
        assertThat(ApplyRun.verdict(report, ApplyCommand.exitCode(report))).startsWith("Incomplete (exit code 6)")
                .contains("1 phase(s)").contains("--artifacts DIR");
    }

    @Test
    void aFailedStepIsOneLineWithCauseWhatToDoAndStderrTail() {
        StringWriter text = new StringWriter();
        Summary.print(new PrintWriter(text), report(FAILED, UNREACHABLE));
        assertThat(text.toString())
                .contains("error: node01 registry/registry-package: 'install' exited 100 (what to do: fix the cause shown")
                .contains("  | E: Unable to locate package docker-registry")
                .contains("error: node02 registry/connect: connection refused (what to do: check the host's address");
    }

    @Test
    void logFileIsPrivateTimestampedPerCommandAndMasksSecrets(@TempDir Path state) throws Exception {
        SecretMasker masker = new SecretMasker();
        masker.register("hunter2-secret");
        RunLog log = RunLog.open(state, "apply", masker, new PrintWriter(new StringWriter())).orElseThrow();
        log.onEvent(new ProvisionEvent.OutputLine("master", false, "password is hunter2-secret"));
        log.onEvent(new ProvisionEvent.ActionEvent("registry", "master", "registry-config",
                new ActionReport("PutFile", "write /etc/x", "", true)));
        log.write("summary line\nsecond line hunter2-secret");
        log.close();

        assertThat(log.file().getParent()).isEqualTo(state.resolve("logs"));
        assertThat(log.file().getFileName().toString()).matches("\\d{8}-\\d{6}-apply\\.log");
        assertThat(Files.getPosixFilePermissions(log.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(state.resolve("logs"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        String content = Files.readString(log.file());
        assertThat(content).doesNotContain("hunter2-secret").contains("password is ******").contains("-> write /etc/x")
                .contains("second line ******").containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} summary line$");
        // A second run in the same second gets its own file.
        RunLog again = RunLog.open(state, "apply", masker, new PrintWriter(new StringWriter())).orElseThrow();
        again.close();
        assertThat(again.file()).isNotEqualTo(log.file());
    }

    @Test
    void plainOutputAddsCommandDetailOnlyWithVerbose() {
        List<ProvisionEvent> events = List.of(
                new ProvisionEvent.PhaseStarted("registry", List.of("registry")),
                new ProvisionEvent.ActionEvent("registry", "registry", "registry-package",
                        new ActionReport("InstallPackages", "install docker-registry", "", false)),
                new ProvisionEvent.OutputLine("registry", true, "debconf: delaying package configuration"));
        StringWriter quiet = new StringWriter();
        StringWriter verbose = new StringWriter();
        events.forEach(new ConsoleListener(new PrintWriter(quiet), false)::onEvent);
        events.forEach(new ConsoleListener(new PrintWriter(verbose), true)::onEvent);
        assertThat(quiet.toString()).contains("== registry (registry)").doesNotContain("install docker-registry")
                .doesNotContain("debconf");
        assertThat(verbose.toString()).contains("-> install docker-registry").contains("registry     ! debconf: delaying");
    }

    @Test
    void liveStatusRedrawsOneLinePerHostInPlace() {
        StringWriter text = new StringWriter();
        LiveStatus live = new LiveStatus(new PrintWriter(text), false);
        live.onEvent(new ProvisionEvent.RunStarted(RunMode.APPLY, List.of("registry"), List.of("master", "registry")));
        live.onEvent(new ProvisionEvent.HostStarted("registry", "registry"));
        live.onEvent(new ProvisionEvent.StepStarted("registry", "registry", "registry-config"));
        live.onEvent(new ProvisionEvent.HostFinished("registry", "registry", true, Duration.ofMillis(2500)));
        live.onEvent(new ProvisionEvent.PhaseFinished("registry", true, Duration.ofMillis(2600)));
        live.onEvent(new ProvisionEvent.RunFinished(RunMode.APPLY, true, Duration.ofSeconds(3)));
        String out = text.toString();
        assertThat(out).contains("\033[1A\033[2K");
        assertThat(out).containsPattern("registry +running +registry +registry-config");
        assertThat(out).containsPattern("registry +ok +registry +registry-config +2\\.5s");
        assertThat(out).contains("done   registry (2.6s)");
        // After the run the block is left drawn: the last two lines are the two hosts.
        List<String> lines = new ArrayList<>(out.lines().toList());
        assertThat(lines.get(lines.size() - 2)).contains("master").contains("waiting");
    }

    @Test
    void outputModeIsChosenFromOptions() {
        OutputOptions o = new OutputOptions();
        PrintWriter w = new PrintWriter(new StringWriter());
        assertThat(o.display(w)).isInstanceOf(ConsoleListener.class); // tests never have a console
        o.json = true;
        assertThat(o.display(w)).isInstanceOf(JsonLinesListener.class);
    }

    private static StepReport step(String phase, String host, String step, StepStatus status, StepFailure failure) {
        return new StepReport(phase, host, step, status, failure == null ? "ok" : failure.message(), Duration.ofMillis(10),
                List.of(), Optional.ofNullable(failure));
    }

    private static ProvisionReport report(StepFailure... failures) {
        // The kinds the engine gives these failures where they arise (a connect exception, a health check out of time).
        return new ProvisionReport(RunMode.APPLY, List.of(), List.of(failures), Duration.ofMillis(1500), Stream.of(failures)
                .map(f -> f == TIMEOUT ? FailureKind.TIMEOUT : f == UNREACHABLE ? FailureKind.UNREACHABLE : f.incomplete() ? FailureKind.MISSING_ARTIFACTS : FailureKind.STEP_FAILED).toList());
    }
}
