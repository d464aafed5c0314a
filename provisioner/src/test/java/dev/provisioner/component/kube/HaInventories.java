package dev.provisioner.component.kube;

import dev.provisioner.inventory.Inventory;

import java.nio.file.Path;

/** Three masters, two nodes and a registry, key authentication, plus whatever {@code cluster:} lines a test adds. */
public final class HaInventories {
    private HaInventories() {
    }

    public static Inventory threeMasters(String clusterExtra) {
        String yaml = """
                defaults:
                  auth:
                    keyFile: /keys/id_ed25519
                hosts:
                  - {name: master-0, address: 10.10.1.4, roles: [master]}
                  - {name: master-1, address: 10.10.1.5, roles: [master]}
                  - {name: master-2, address: 10.10.1.6, roles: [master]}
                  - {name: node-0, address: 10.10.2.4, roles: [node]}
                  - {name: node-1, address: 10.10.2.5, roles: [node]}
                  - {name: registry, address: 10.10.3.4, roles: [registry]}
                cluster:
                  name: ha
                """ + clusterExtra;
        return Inventory.loader().parse(yaml, "ha.yaml", Path.of("/"));
    }
}
