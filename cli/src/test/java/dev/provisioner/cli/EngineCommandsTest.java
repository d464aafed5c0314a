package dev.provisioner.cli;

import dev.provisioner.api.FailureKind;
import java.util.stream.Stream;

import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.RunMode;
import dev.provisioner.api.StepFailure;
import dev.provisioner.cli.json.JsonLines;
import dev.provisioner.cli.json.ReportDto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** render / plan / apply without hosts: invalid input, rendering, exit codes, JSON. */
class EngineCommandsTest {
    private static final String INVENTORY = """
            defaults:
              auth:
                keyFile: /keys/id_ed25519
            hosts:
              - name: master
                address: 10.4.4.4
                roles: [master, node]
              - name: registry
                address: 10.4.4.8
                roles: [registry]
            cluster:
              name: blog
              registry:
                tls: false
            """;

    @TempDir
    Path dir;

    @Test
    void invalidInventoryPrintsEveryProblemAndExitsTwoWithoutContactingHosts() {
        String broken = Path.of("src/test/resources/inventories/broken.yaml").toString();
        for (String command : List.of("plan", "apply", "render")) {
            List<String> args = command.equals("render") ? List.of(command, "-i", broken, "-o", dir.toString())
                    : List.of(command, "-i", broken);
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).contains("broken.yaml:").contains("adress").contains("no host was contacted");
            assertThat(run.out()).doesNotContain("==");
        }
    }

    @Test
    void renderWritesEveryFileUnderHostAndAbsolutePath() throws Exception {
        Path inv = Files.writeString(dir.resolve("inv.yaml"), INVENTORY);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("render", "-i", inv.toString(), "-o", out.toString(), "--only", "prepare-hosts,registry");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("master/etc/hosts")).content().contains("10.4.4.4\tmaster\n10.4.4.8\tregistry\n");
        assertThat(out.resolve("registry/etc/docker/registry/config.yml")).content().contains("addr: \"10.4.4.8:5000\"")
                .contains("readonly:\n      enabled: true");
        assertThat(out.resolve("registry/etc/docker/registry/push.yml")).content().contains("addr: \"10.4.4.8:5001\"").contains("htpasswd:");
        assertThat(out.resolve("registry/etc/systemd/system/docker-registry.service.d/10-provisioner.conf")).exists();
        assertThat(out.resolve("master/etc/docker")).doesNotExist();
        assertThat(run.out()).contains("7 files for 2 hosts");
    }

    @Test
    void renderHonoursTemplatesLimitAndPhaseSelection() throws Exception {
        Path inv = Files.writeString(dir.resolve("inv.yaml"), INVENTORY);
        Path templates = dir.resolve("t/registry");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("dropin.conf.ftl"), "[Service]\n# site ${binary}\n");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("render", "-i", inv.toString(), "-o", out.toString(), "--templates", dir.resolve("t").toString(),
                "--limit", "registry", "--skip", "prepare-hosts");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("registry/etc/systemd/system/docker-registry.service.d/10-provisioner.conf")).content()
                .isEqualTo("[Service]\n# site /usr/bin/docker-registry\n");
        assertThat(out.resolve("master")).doesNotExist();
        assertThat(out.resolve("registry/etc/hosts")).doesNotExist();
    }

    @Test
    void limitTakesRoleNamesAndNamesUnknownEntries() throws Exception {
        Path inv = Files.writeString(dir.resolve("inv.yaml"), INVENTORY);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("render", "-i", inv.toString(), "-o", out.toString(), "--limit", "node",
                "--only", "prepare-hosts");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("master/etc/hosts")).exists();
        assertThat(out.resolve("registry")).doesNotExist();
        CliRun unknown = CliRun.of("render", "-i", inv.toString(), "-o", out.toString(), "--limit", "node,workers");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(unknown.err()).contains("no host 'workers'").contains("roles master, node, registry, etcd");
    }

    @Test
    void unknownPhaseOrHostIsInvalidInput() throws Exception {
        Path inv = Files.writeString(dir.resolve("inv.yaml"), INVENTORY);
        CliRun run = CliRun.of("plan", "-i", inv.toString(), "--only", "registy", "--limit", "nodeX");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("no phase titled 'registy'").contains("no host 'nodeX'");
    }

    @Test
    void applyExitCodes() {
        StepFailure step = new StepFailure("node01", "registry", "registry-package", "install", 100, "E: x", "m");
        StepFailure connect = new StepFailure("node02", "registry", "connect", "connect", -1, "", "m");
        assertThat(ApplyCommand.exitCode(report())).isEqualTo(ExitCodes.OK);
        assertThat(ApplyCommand.exitCode(report(step))).isEqualTo(ExitCodes.STEP_FAILED);
        assertThat(ApplyCommand.exitCode(report(step, connect))).isEqualTo(ExitCodes.UNREACHABLE);
    }

    @Test
    void jsonWritesRecordsEnumsDurationsAndEscapes() {
        assertThat(JsonLines.write(Map.of("r", ReportDto.FailureDto.of(new StepFailure("h", "p", "s", "a", 1, "line1\n\"q\"", "m")))))
                .isEqualTo("{\"r\":{\"host\":\"h\",\"phase\":\"p\",\"step\":\"s\",\"action\":\"a\",\"exitCode\":1,"
                        + "\"stderrTail\":\"line1\\n\\\"q\\\"\",\"message\":\"m\",\"incomplete\":false}}");
        assertThat(JsonLines.write(ReportDto.of(report()))).contains("\"mode\":\"apply\"").contains("\"durationMillis\":1500");
    }

    private static ProvisionReport report(StepFailure... failures) {
        // The kinds the engine gives these failures where they arise (a connect exception, a health check out of time).
        return new ProvisionReport(RunMode.APPLY, List.of(), List.of(failures), Duration.ofMillis(1500), Stream.of(failures)
                .map(f -> f.step().equals("connect") ? FailureKind.UNREACHABLE : f.incomplete() ? FailureKind.MISSING_ARTIFACTS : FailureKind.STEP_FAILED).toList());
    }
}
