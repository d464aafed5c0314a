package dev.provisioner.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * Which lab hosts to start. The default is the 2018 recipe's topology: {@code master},
 * {@code node01}, {@code node02}, {@code registry}.
 *
 * @param masters number of masters (1 is named {@code master}; more are {@code master01..})
 * @param nodes   number of worker nodes ({@code node01..})
 */
public record LabTopology(int masters, int nodes) {
    public LabTopology {
        if (masters < 1 || masters > 9) {
            throw new IllegalArgumentException("masters must be 1..9, got " + masters);
        }
        if (nodes < 1 || nodes > 98) {
            throw new IllegalArgumentException("nodes must be 1..98, got " + nodes);
        }
    }

    public static LabTopology recipe2018() {
        return new LabTopology(1, 2);
    }

    /** Host names and roles, masters first, then nodes, then the registry. */
    public List<LabHostSpec> hosts() {
        List<LabHostSpec> hosts = new ArrayList<>();
        for (int i = 1; i <= masters; i++) {
            hosts.add(new LabHostSpec(masters == 1 ? "master" : String.format("master%02d", i), "master"));
        }
        for (int i = 1; i <= nodes; i++) {
            hosts.add(new LabHostSpec(String.format("node%02d", i), "node"));
        }
        hosts.add(new LabHostSpec("registry", "registry"));
        return hosts;
    }

    /** A host to start and the inventory role it gets. */
    public record LabHostSpec(String name, String role) {
    }
}
