package dev.provisioner.bench;

import dev.provisioner.lab.LabHostInfo;

import java.nio.file.Path;
import java.util.List;

/**
 * The inventory of a benchmark run: the given lab hosts (the first is master and node, the others
 * nodes: the roles only satisfy validation, the workload runs on every host), the lab's key and
 * pinned host keys with strict checking, no registry, and parallelism = the number of hosts.
 */
final class BenchInventory {
    private BenchInventory() {
    }

    static String render(List<LabHostInfo> hosts, Path key, Path knownHosts) {
        StringBuilder y = new StringBuilder();
        y.append("# Written by the provisioner benchmark for ").append(hosts.size()).append(" lab host(s).\n")
         .append("defaults:\n")
         .append("  user: root\n")
         .append("  auth:\n")
         .append("    keyFile: ").append(key.toAbsolutePath()).append('\n')
         .append("hosts:\n");
        for (int i = 0; i < hosts.size(); i++) {
            LabHostInfo h = hosts.get(i);
            y.append("  - name: ").append(h.name()).append('\n')
             .append("    address: ").append(h.address()).append('\n')
             .append("    roles: [").append(i == 0 ? "master, node" : "node").append("]\n");
        }
        y.append("cluster:\n")
         .append("  name: bench\n")
         .append("  registry:\n")
         .append("    enabled: false\n")
         .append("  ssh:\n")
         .append("    knownHosts: ").append(knownHosts.toAbsolutePath()).append('\n')
         .append("    hostKeyPolicy: strict\n")
         .append("    parallelism: ").append(hosts.size()).append('\n');
        return y.toString();
    }
}
