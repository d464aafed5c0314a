package dev.provisioner.ops.check;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;

import java.nio.file.Path;
import java.util.Map;

/** Inventories for the fast health-check tests (no hosts). */
final class CheckFixtures {
    static final Path KEY = Path.of("/keys/id_ed25519");

    private CheckFixtures() {
    }

    /** The 2018 topology: master 10.4.4.4, node01 10.4.4.5, registry 10.4.4.8:5000 with TLS and htpasswd auth. */
    static Inventory blog() {
        return Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(KEY))
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(KEY))
                .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(KEY))
                .set("cluster.registry.auth", Map.of("user", "ci", "password", "not-a-real-secret"))
                .build();
    }

    /** Same hosts, plain-HTTP registry without auth. */
    static Inventory plainRegistry() {
        return Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(KEY))
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(KEY))
                .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(KEY))
                .set("cluster.registry.tls", false)
                .build();
    }

    static Host host(Inventory inv, String name) {
        return inv.host(name).orElseThrow();
    }
}
