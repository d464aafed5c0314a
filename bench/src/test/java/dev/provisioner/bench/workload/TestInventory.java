package dev.provisioner.bench.workload;

import dev.provisioner.inventory.Inventory;

/** Two made-up hosts for rendering the workload without contacting anything (h1 10.0.0.1, h2 10.0.0.2). */
public final class TestInventory {
    private static final String YAML = """
            defaults:
              user: root
              auth: {keyFile: /nonexistent/id_ed25519}
            hosts:
              - {name: h1, address: 10.0.0.1, roles: [master, node]}
              - {name: h2, address: 10.0.0.2, roles: [node]}
            cluster:
              name: bench
              registry: {enabled: false}
            """;

    private TestInventory() {
    }

    public static Inventory twoHosts() {
        return Inventory.parse(YAML, "test inventory");
    }
}
