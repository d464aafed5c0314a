package dev.provisioner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every day-2 command (reset, remove-node, etcd snapshot, restore, member-remove) runs through the facade and
 * leaves a run log, {@code <state>/logs/<timestamp>-<command>.log} (0600), with the operation's events from its
 * start to its end and the exit code. The hosts are loopback listeners that count connections and close them
 * (a stand-in: the lab tests run these commands against real hosts), so every operation fails, which the log
 * must say too.
 */
class DayTwoRunLogTest {
    @TempDir
    Path dir;

    @Test
    void everyDayTwoCommandWritesItsEventsAndExitCodeToItsRunLog() throws Exception {
        try (ConnectionCounter a = new ConnectionCounter(); ConnectionCounter b = new ConnectionCounter()) {
            Files.writeString(dir.resolve("id"), "not a key, never read\n");
            Path inv = Files.writeString(dir.resolve("inventory.yaml"), """
                    defaults:
                      user: root
                      auth:
                        keyFile: %s
                    hosts:
                      - name: m1
                        address: 127.0.0.1
                        internalAddress: 10.0.0.1
                        port: %d
                        roles: [master, node]
                      - name: n1
                        address: 127.0.0.1
                        internalAddress: 10.0.0.2
                        port: %d
                        roles: [node]
                    cluster:
                      name: logged
                      registry:
                        enabled: false
                    """.formatted(dir.resolve("id"), a.port(), b.port()));
            Path snapshot = Files.writeString(dir.resolve("etcd-snapshot.db"), "snapshot");
            Path logs = dir.resolve(".provisioner/logged/logs");

            check(logs, "reset", "reset", CliRun.of("reset", "-i", inv.toString(), "--yes"));
            check(logs, "remove-node", "remove-node", CliRun.of("remove-node", "n1", "-i", inv.toString(), "--yes"));
            check(logs, "etcd-snapshot", "etcd snapshot", CliRun.of("etcd", "snapshot", "-i", inv.toString(), "-o", dir.toString()));
            check(logs, "etcd-restore", "etcd restore", CliRun.of("etcd", "restore", snapshot.toString(), "-i", inv.toString(), "--yes"));
            check(logs, "etcd-member-remove", "etcd member remove", CliRun.of("etcd", "member-remove", "m1", "-i", inv.toString()));
        }
    }

    private static void check(Path logs, String file, String operation, CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.out() + run.err()).isNotZero();
        assertThat(logs).as(run.out() + run.err()).isDirectory();
        List<Path> found;
        try (Stream<Path> s = Files.list(logs)) {
            found = s.filter(p -> p.getFileName().toString().matches("\\d{8}-\\d{6}-" + file + "(-\\d+)?\\.log")).toList();
        }
        assertThat(found).as(file + " log in " + logs).hasSize(1);
        Path log = found.get(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        String text = Files.readString(log);
        assertThat(text).as(log.toString())
                .contains(operation + ": ")
                .contains(operation + " FAILED in ")
                .contains("exit code " + run.exitCode());
        Files.delete(log);
    }
}
