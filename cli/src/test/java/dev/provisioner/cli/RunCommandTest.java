package dev.provisioner.cli;

import dev.provisioner.testsupport.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run} and {@code apply} exit codes that need no lab: invalid input and an unreachable host. */
class RunCommandTest {
    @TempDir
    Path dir;
    Path inventory;

    @BeforeEach
    void inventoryWithAClosedPort() throws Exception {
        TestKeys keys = TestKeys.generate(dir.resolve("keys"));
        // Port 1 on loopback: nothing listens, so the connect is refused at once.
        inventory = Files.writeString(dir.resolve("inv.yaml"), """
                defaults:
                  port: 1
                  auth:
                    keyFile: %s
                hosts:
                  - name: master
                    address: 127.0.0.1
                    roles: [master, node]
                    overrides:
                      connectTimeout: 2
                cluster:
                  name: closed
                  registry:
                    enabled: false
                  ssh:
                    knownHosts: %s
                """.formatted(keys.ed25519(), dir.resolve("known_hosts")));
    }

    @Test
    void anInvalidInventoryOrUnknownHostIsInputErrorAndNothingIsContacted() {
        CliRun broken = CliRun.of("run", "-i", Path.of("src/test/resources/inventories/broken.yaml").toString(), "--", "true");
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(broken.err()).contains("adress").contains("no host was contacted");

        CliRun unknown = CliRun.of("run", "-i", inventory.toString(), "--limit", "node09", "--", "true");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(unknown.err()).contains("no host or role [node09]").contains("hosts: [master]");

        CliRun noCommand = CliRun.of("run", "-i", inventory.toString());
        assertThat(noCommand.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void anUnreachableHostExitsThreeWithOneLineSayingWhatToDo() throws Exception {
        CliRun run = CliRun.of("run", "-i", inventory.toString(), "--", "uptime");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(run.out()).contains("== master (UNREACHABLE").containsPattern("error: master: .*\\(what to do: check the address")
                .contains("run: 1 host, 0 ok, 1 not ok: master: unreachable (exit code 3)");
        assertThat(logs("run")).hasSize(1);
    }

    @Test
    void applyOnAnUnreachableHostExitsThreeAndWritesTheRunLog() throws Exception {
        CliRun run = CliRun.of("apply", "-i", inventory.toString(), "--only", "prepare-hosts");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(run.out()).contains("error: master prepare-hosts/connect:").contains("Failed (exit code 3)")
                .contains("Log: " + dir.resolve(".provisioner/closed/logs"));
        List<Path> logs = logs("apply");
        assertThat(logs).hasSize(1);
        assertThat(Files.readString(logs.get(0))).contains("prepare-hosts").contains("exit code 3");
    }

    @Test
    void applyJsonEndsWithTheReportAndTheResult() {
        CliRun run = CliRun.of("apply", "-i", inventory.toString(), "--only", "prepare-hosts", "--json");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).allMatch(l -> l.startsWith("{\"time\":"));
        assertThat(lines.get(lines.size() - 2)).contains("\"event\":\"Report\"");
        assertThat(lines.get(lines.size() - 1)).contains("\"event\":\"Result\"").contains("\"exitCode\":3")
                .contains("\"prepare-hosts\":\"failed\"");
    }

    private List<Path> logs(String command) throws Exception {
        Path logs = dir.resolve(".provisioner/closed/logs");
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + command + ".log")).toList();
        }
    }
}
