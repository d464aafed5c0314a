package dev.provisioner.lab;

import java.util.List;

/**
 * The text of the lab's inventory. Every value in it comes from the lab itself (host names we chose,
 * Docker bridge addresses, paths in our state directory), so plain text with comments serves a
 * reader better than a generic YAML dump.
 */
final class LabInventoryFile {
    private LabInventoryFile() {
    }

    static String render(LabSettings settings, List<LabHostInfo> hosts, java.nio.file.Path key, java.nio.file.Path knownHosts) {
        StringBuilder y = new StringBuilder();
        y.append("# Written by `provisioner lab up` for the local lab '").append(settings.name()).append("'.\n")
         .append("# Hosts are containers with systemd and OpenSSH on the Docker bridge; their host keys are pinned\n")
         .append("# in the known_hosts file below (strict checking). `provisioner lab down` removes them.\n")
         .append("defaults:\n")
         .append("  user: root\n")
         .append("  auth:\n")
         .append("    keyFile: ").append(key.toAbsolutePath()).append('\n')
         .append("hosts:\n");
        for (LabHostInfo h : hosts) {
            y.append("  - name: ").append(h.name()).append('\n')
             .append("    address: ").append(h.address()).append('\n')
             .append("    roles: [").append(h.role()).append("]\n");
        }
        y.append("cluster:\n")
         .append("  name: ").append(settings.name()).append('\n')
         .append("  network:\n")
         .append("    podCidr: 172.30.0.0/16\n")
         .append("    subnetLen: 24\n")
         .append("    backend: vxlan\n")
         .append("  ssh:\n")
         .append("    knownHosts: ").append(knownHosts.toAbsolutePath()).append('\n')
         .append("    hostKeyPolicy: strict\n")
         .append("  registry:\n")
         .append("    port: 5000\n")
         .append("  # Install sources that work on a machine that reaches only an OS package mirror: etcd, the\n")
         .append("  # registry and containerd from the hosts' packages; the Kubernetes components and flannel from\n")
         .append("  # release binaries, which `lab up` / `apply` take from --artifacts DIR when they cannot be downloaded.\n")
         .append("  install:\n")
         .append("    default: binaries\n")
         .append("    etcd: packages\n")
         .append("    registry: packages\n")
         .append("    containerd: packages\n");
        return y.toString();
    }
}
