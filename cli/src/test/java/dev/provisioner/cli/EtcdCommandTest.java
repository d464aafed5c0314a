package dev.provisioner.cli;

import dev.provisioner.ops.etcd.SnapshotLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code provisioner etcd ...} refusals that must happen before any host is contacted: the inventory's
 * three masters point at a loopback listener that counts connections (the lab test covers the
 * successful runs against real hosts).
 */
class EtcdCommandTest {
    @TempDir
    Path dir;

    private Path inventory(List<ConnectionCounter> listeners) throws Exception {
        Files.writeString(dir.resolve("id"), "not a key, never read\n");
        StringBuilder hosts = new StringBuilder();
        for (int i = 0; i < listeners.size(); i++) {
            hosts.append("  - name: m").append(i + 1).append("\n    address: 127.0.0.1\n    internalAddress: 10.0.0.").append(i + 1)
                    .append("\n    port: ").append(listeners.get(i).port())
                    .append("\n    roles: [master").append(i == 0 ? ", node" : "").append("]\n");
        }
        return Files.writeString(dir.resolve("inventory.yaml"), """
                defaults:
                  user: root
                  auth:
                    keyFile: %s
                hosts:
                %scluster:
                  name: trio
                  registry:
                    enabled: false
                """.formatted(dir.resolve("id"), hosts));
    }

    @Test
    void restoreWithoutYesOrWithATamperedSnapshotContactsNoHost() throws Exception {
        try (ConnectionCounter a = new ConnectionCounter(); ConnectionCounter b = new ConnectionCounter();
             ConnectionCounter c = new ConnectionCounter()) {
            Path inv = inventory(List.of(a, b, c));
            Path backup = Files.createDirectories(dir.resolve("trio-20261126T021509Z"));
            Path snap = Files.writeString(backup.resolve(SnapshotLayout.SNAPSHOT), "snapshot");
            Files.writeString(backup.resolve(SnapshotLayout.MANIFEST), "0".repeat(64) + "  " + SnapshotLayout.SNAPSHOT + "\n");

            CliRun noYes = CliRun.of("etcd", "restore", snap.toString(), "-i", inv.toString());
            assertThat(noYes.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(noYes.err()).contains("pass --yes to proceed");

            CliRun tampered = CliRun.of("etcd", "restore", snap.toString(), "-i", inv.toString(), "--yes");
            assertThat(tampered.exitCode()).isEqualTo(ExitCodes.ERROR);
            assertThat(tampered.err()).contains("does not match").contains("nothing was changed");
            assertThat(a.accepted() + b.accepted() + c.accepted()).isZero();
        }
    }

    @Test
    void anInvalidInventoryExitsTwoAndTheGroupPrintsItsSubcommands() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "hosts: []\n");
        CliRun r = CliRun.of("etcd", "member-remove", "m3", "-i", bad.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("bad.yaml");
        assertThat(CliRun.of("etcd").out()).contains("snapshot", "restore", "member-remove");
    }
}
