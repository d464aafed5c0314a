package dev.provisioner.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The text {@code provisioner init} writes: a commented inventory for the hosts given on the command
 * line, every other key left at its documented default with a comment saying what it would change.
 */
final class StarterInventory {
    /** One host to write. */
    record Entry(String name, String address, String role) {
    }

    private StarterInventory() {
    }

    /**
     * Host entries from {@code ADDR} or {@code NAME=ADDR} arguments: masters are {@code master} (or
     * {@code master01..} when several), nodes {@code node01..}, the registry {@code registry}.
     */
    static List<Entry> entries(List<String> masters, List<String> nodes, String registry) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < masters.size(); i++) {
            out.add(entry(masters.get(i), masters.size() == 1 ? "master" : String.format("master%02d", i + 1), "master"));
        }
        for (int i = 0; i < nodes.size(); i++) {
            out.add(entry(nodes.get(i), String.format("node%02d", i + 1), "node"));
        }
        if (registry != null) {
            out.add(entry(registry, "registry", "registry"));
        }
        return out;
    }

    private static Entry entry(String arg, String defaultName, String role) {
        int eq = arg.indexOf('=');
        return eq < 0 ? new Entry(defaultName, arg.strip(), role)
                : new Entry(arg.substring(0, eq).strip(), arg.substring(eq + 1).strip(), role);
    }

    static String render(String clusterName, List<Entry> hosts, String user, String keyFile, String file, String today) {
        boolean registry = hosts.stream().anyMatch(h -> h.role().equals("registry"));
        StringBuilder y = new StringBuilder();
        y.append("# Starter inventory written by `provisioner init` on ").append(today).append(".\n")
         .append("# Check it:        provisioner validate -i ").append(file).append("\n")
         .append("# See the changes: provisioner plan -i ").append(file).append("      Make them: provisioner apply -i ").append(file).append("\n")
         .append("# Every key not written here takes its documented default (docs/inventory.md in the provisioner sources).\n\n")
         .append("# Connection settings every host inherits; a host may override any of them.\n")
         .append("defaults:\n")
         .append("  user: ").append(scalar(user));
        if (!user.equals("root")) {
            y.append("                  # not root: privileged commands run with `sudo -n` (set sudo: password and\n")
             .append("  #                               sudoPassword: ${env:SUDO_PASSWORD} if sudo asks for one)");
        }
        y.append('\n')
         .append("  auth:\n")
         .append("    keyFile: ").append(scalar(keyFile)).append("   # private key on this machine; or password: ${env:NAME}\n")
         .append("  # bastion:                    # when the hosts are reachable only through a jump host\n")
         .append("  #   address: bastion.example.com\n\n")
         .append("hosts:\n");
        for (Entry h : hosts) {
            y.append("  - name: ").append(scalar(h.name())).append('\n')
             .append("    address: ").append(scalar(h.address())).append('\n')
             .append("    roles: [").append(h.role()).append("]").append(comment(h.role())).append('\n')
             .append("    # internalAddress: ...      # what the cluster uses, when SSH goes to another (public) address\n");
        }
        y.append("\ncluster:\n")
         .append("  name: ").append(scalar(clusterName)).append('\n')
         .append("  network:\n")
         .append("    podCidr: 172.30.0.0/16      # flannel's network; must not contain a host address or overlap serviceCidr\n")
         .append("    subnetLen: 24               # one /24 per master and node\n")
         .append("    backend: vxlan              # or host-gw when every host shares one L2 network\n")
         .append("  # serviceCidr: 10.96.0.0/12   # ClusterIP range\n")
         .append("  registry:\n");
        if (registry) {
            y.append("    port: 5000\n")
             .append("    tls: true                   # served with a certificate from the cluster CA, trusted by every node\n");
        } else {
            y.append("    enabled: false              # no private registry; add a host with role registry and remove this line\n");
        }
        y.append("  ssh:\n")
         .append("    knownHosts: ~/.ssh/known_hosts   # host keys are checked strictly: every host's key must be here\n")
         .append("    hostKeyPolicy: strict            # (ssh-keyscan HOST, compare the fingerprint, then append it)\n")
         .append("  # install:                    # where software comes from: packages | binaries | artifacts\n")
         .append("  #   default: binaries\n")
         .append("  #   artifactsDir: /srv/k8s-artifacts   # release files for air-gapped sites, with a SHA256SUMS file\n");
        return y.toString();
    }

    private static String comment(String role) {
        return switch (role) {
            case "master" -> "              # control plane; etcd runs on the masters";
            case "node" -> "                # kubelet, kube-proxy, containerd: workloads run here";
            default -> "            # the private image registry (docker-distribution)";
        };
    }

    /** A YAML scalar: plain when it is simple, else double-quoted (the validator then judges the value). */
    static String scalar(String value) {
        if (value.matches("[A-Za-z0-9._/~][A-Za-z0-9._/~:-]*") && !value.contains(": ")) {
            return value;
        }
        StringBuilder q = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
