package dev.provisioner.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A validated, immutable cluster description. An {@code Inventory} only exists when every rule passed;
 * otherwise loading throws an {@link InventoryException} listing all errors at once.
 *
 * <pre>{@code
 * Inventory inventory = Inventory.load(Path.of("inventories/blog-2018.yaml"));
 * inventory.warnings().forEach(w -> System.err.println(w.format()));
 * String registry = inventory.view().registryEndpoint().orElseThrow();   // "10.4.4.8:5000"
 * }</pre>
 */
public final class Inventory {
    private final String source;
    private final List<Host> hosts;
    private final Cluster cluster;
    private final List<ValidationProblem> warnings;
    private final ClusterView view;

    Inventory(String source, List<Host> hosts, Cluster cluster, List<ValidationProblem> warnings) {
        this.source = source;
        this.hosts = List.copyOf(hosts);
        this.cluster = cluster;
        this.warnings = List.copyOf(warnings);
        this.view = new ClusterView(this.hosts, cluster);
    }

    /** Loads and validates a file, resolving {@code ${env:...}} from the process environment. */
    public static Inventory load(Path file) {
        return InventoryLoader.standard().load(file);
    }

    /** Parses and validates YAML text; relative paths resolve against the working directory. */
    public static Inventory parse(String yaml, String sourceName) {
        return InventoryLoader.standard().parse(yaml, sourceName, Path.of("").toAbsolutePath());
    }

    /** A loader with an injectable environment and home directory. */
    public static InventoryLoader loader() {
        return InventoryLoader.standard();
    }

    /** Builds an inventory in code; {@link InventoryBuilder#build()} applies exactly the rules of the file format. */
    public static InventoryBuilder builder() {
        return new InventoryBuilder(InventoryLoader.standard());
    }

    /** Where the inventory came from: the file path as given, a source name, or {@code <builder>}. */
    public String source() {
        return source;
    }

    /** All hosts in file order. */
    public List<Host> hosts() {
        return hosts;
    }

    /** The host called {@code name}. */
    public Optional<Host> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** Cluster-wide settings, defaults filled in. */
    public Cluster cluster() {
        return cluster;
    }

    /** Warnings found while validating (plain-text secrets, even etcd member counts, insecure host keys...). */
    public List<ValidationProblem> warnings() {
        return warnings;
    }

    /** Derived facts: hosts by role, etcd members, first master, registry endpoint, flannel hosts. */
    public ClusterView view() {
        return view;
    }

    @Override
    public String toString() {
        return "Inventory[" + source + ", cluster " + cluster.name() + ", " + hosts.size() + " hosts]";
    }
}
