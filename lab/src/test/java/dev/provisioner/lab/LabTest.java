package dev.provisioner.lab;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.testsupport.DockerSupport;
import dev.provisioner.testsupport.LabCapacity;
import dev.provisioner.transport.Auth;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.HostKeyPolicy;
import dev.provisioner.transport.TransportKind;
import dev.provisioner.transport.TransportOptions;
import dev.provisioner.connect.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI's lab on the real Docker engine: up writes a valid inventory with pinned keys; down removes only its containers. */
class LabTest {

    @Test
    void upStartsReachableHostsWithPinnedKeysAndDownRemovesThem(@TempDir Path dir) throws Exception {
        DockerSupport.requireLab();
        try (LabCapacity.Reservation ignored = LabCapacity.reserve(3)) {
            upAndDown(dir);
        }
    }

    private static void upAndDown(Path dir) throws Exception {
        LabSettings settings = new LabSettings("t" + Long.toHexString(System.nanoTime()).substring(0, 8), DockerSupport.IMAGE,
                dir.resolve("state"), dir.resolve("lab.yaml"), null, "docker");
        Lab lab = new Lab(settings);
        try {
            List<LabHostInfo> hosts = lab.up(new LabTopology(1, 1));
            assertThat(hosts).extracting(LabHostInfo::name).containsExactly("master", "node01", "registry");
            assertThat(Files.getPosixFilePermissions(settings.stateDir())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(settings.stateDir().resolve("id_ed25519")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));

            Inventory inventory = Inventory.load(settings.inventory());
            assertThat(inventory.view().masters()).extracting(Host::name).containsExactly("master");
            assertThat(inventory.view().registryHost()).map(Host::name).hasValue("registry");
            assertThat(inventory.host("node01").orElseThrow().hasRole(Role.NODE)).isTrue();

            // Strict host-key checking against the known_hosts file the lab wrote.
            Host master = inventory.host("master").orElseThrow();
            var options = TransportOptions.of(inventory.cluster().ssh().knownHosts(), HostKeyPolicy.STRICT);
            Endpoint endpoint = new Endpoint("master", master.address(), 22, "root",
                    Auth.PrivateKey.of(settings.stateDir().resolve("id_ed25519")), null, null);
            try (Connection c = Transports.create(TransportKind.SSHJ, options).connect(endpoint)) {
                assertThat(c.run(Command.of("hostname")).stdout().strip()).isEqualTo("master");
            }

            // A second up converges: the same containers, the same addresses.
            List<LabHostInfo> again = lab.up(new LabTopology(1, 1));
            assertThat(again).extracting(LabHostInfo::address).isEqualTo(hosts.stream().map(LabHostInfo::address).toList());
            assertThat(lab.status()).extracting(LabHostInfo::state).containsOnly("running");
        } finally {
            List<String> removed = lab.down();
            assertThat(removed).hasSize(3);
        }
        assertThat(lab.status()).isEmpty();
        assertThat(settings.inventory()).doesNotExist();
    }
}
