package dev.provisioner.inventory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns a document into an {@link Inventory}: read every section, then run the cross-field rules. */
final class InventoryParser {
    private static final Set<String> TOP_KEYS = Fields.keys("hosts", "cluster", "defaults");

    private InventoryParser() {}

    static Inventory parse(Tree root, Problems problems, SecretResolver secrets, LocalPaths paths, String source) {
        if (root == null) {
            throw new InventoryException(problems.all());
        }
        Fields top = Fields.open(root, "", TOP_KEYS, problems);
        if (!top.isMapping()) {
            if (!problems.hasErrors()) {
                problems.error("", root.location(), "the inventory is empty", "start from inventories/blog-2018.yaml");
            }
            throw new InventoryException(problems.all());
        }
        Fields defaults = top.mapping("defaults", HostParser.DEFAULT_KEYS);
        top.require("hosts", "list the machines under hosts:");
        List<Host> hosts = new HostParser(defaults, secrets, paths, problems).parse(top.raw("hosts"));
        boolean present = top.require("cluster", "add cluster: with at least a name");
        Cluster cluster = new ClusterParser(secrets, paths, problems).parse(top.mapping("cluster", ClusterParser.CLUSTER_KEYS), present);
        TopologyRules.check(hosts, cluster, problems);
        NetworkRules.check(hosts, cluster, problems);
        if (problems.hasErrors()) {
            throw new InventoryException(problems.all());
        }
        Cluster complete = cluster.withProxy(cluster.proxy().map(p -> NoProxy.complete(p, hosts, cluster)))
                .withRegistryHost(registryHost(hosts, cluster));
        return new Inventory(source, hosts, complete, problems.warnings());
    }

    private static Optional<String> registryHost(List<Host> hosts, Cluster cluster) {
        return cluster.registry().enabled()
                ? hosts.stream().filter(h -> h.hasRole(Role.REGISTRY)).map(Host::name).findFirst()
                : Optional.empty();
    }
}
