package dev.provisioner.cli;

import dev.provisioner.testsupport.LabHosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An inventory file for lab hosts: root with the lab key, strict host keys, the registry off. */
final class LabInventory {
    private LabInventory() {
    }

    /**
     * Writes {@code inventory.yaml} in the lab directory.
     *
     * @param hosts   pairs of host name and roles, e.g. {@code "master", "[master]"}
     * @param install the {@code cluster.install} entries, e.g. {@code "containerd: packages"}, or none
     */
    static Path write(LabHosts lab, String cluster, String[] install, String... hosts) throws IOException {
        return write(lab, cluster, false, install, hosts);
    }

    /** As {@link #write(LabHosts, String, String[], String...)}; with {@code registry}, the registry on (TLS from the cluster CA). */
    static Path write(LabHosts lab, String cluster, boolean registry, String[] install, String... hosts) throws IOException {
        StringBuilder s = new StringBuilder("defaults:\n  user: root\n  auth:\n    keyFile: ").append(lab.keys().ed25519()).append("\nhosts:\n");
        for (int i = 0; i < hosts.length; i += 2) {
            s.append("  - name: ").append(hosts[i]).append("\n    address: ").append(lab.host(hosts[i]).address())
                    .append("\n    roles: ").append(hosts[i + 1]).append('\n');
        }
        s.append("cluster:\n  name: ").append(cluster).append('\n');
        if (!registry) {
            s.append("  registry:\n    enabled: false\n");
        }
        if (install.length > 0) {
            s.append("  install:\n");
            for (String entry : install) {
                s.append("    ").append(entry).append('\n');
            }
        }
        s.append("  ssh:\n    knownHosts: ").append(lab.knownHosts()).append("\n    hostKeyPolicy: strict\n");
        return Files.writeString(lab.dir().resolve("inventory.yaml"), s.toString());
    }
}
