package dev.provisioner.inventory;

import dev.provisioner.Secret;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds an inventory in code for installers. The builder writes the same document a YAML file would
 * hold and validates it with the same rules; problems name YAML paths ({@code <builder>: hosts[1].address: ...}).
 *
 * <pre>{@code
 * Inventory inv = Inventory.builder()
 *     .clusterName("demo")
 *     .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(Path.of("/keys/id_ed25519")))
 *     .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(Path.of("/keys/id_ed25519")))
 *     .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(Path.of("/keys/id_ed25519")))
 *     .set("cluster.network.etcdPrefix", "/atomic.io/network")
 *     .build();
 * }</pre>
 */
public final class InventoryBuilder {
    private final Map<String, Object> document = new LinkedHashMap<>();
    private final List<Object> hosts = new ArrayList<>();
    private InventoryLoader loader;
    private Path baseDirectory = Path.of("").toAbsolutePath();

    InventoryBuilder(InventoryLoader loader) {
        this.loader = loader;
    }

    /** Sets {@code cluster.name}. */
    public InventoryBuilder clusterName(String name) {
        return set("cluster.name", name);
    }

    /** Adds a host called {@code name}, described by {@code spec}. */
    public InventoryBuilder host(String name, Consumer<HostBuilder> spec) {
        HostBuilder h = new HostBuilder();
        h.set("name", name);
        spec.accept(h);
        hosts.add(h.values);
        return this;
    }

    /**
     * Sets any value by its dotted YAML path, e.g. {@code cluster.network.podCidr} or {@code defaults.user}.
     * Values may be strings, numbers, booleans, {@link Secret}s, paths, enums (written as the file would:
     * {@code HOST_GW} becomes {@code host-gw}), durations (seconds), lists and maps of these.
     */
    public InventoryBuilder set(String path, Object value) {
        put(document, path, value);
        return this;
    }

    /** Environment lookup for {@code ${env:NAME}} values. */
    public InventoryBuilder env(Function<String, String> env) {
        loader = loader.withEnv(env);
        return this;
    }

    /** Folder that relative paths and {@code ${file:...}} resolve against (default: working directory). */
    public InventoryBuilder baseDirectory(Path dir) {
        baseDirectory = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /**
     * Validates and returns the inventory.
     *
     * @throws InventoryException with every problem, located by YAML path
     */
    public Inventory build() {
        Map<String, Object> doc = new LinkedHashMap<>(document);
        if (!hosts.isEmpty() || !doc.containsKey("hosts")) {
            doc.put("hosts", hosts);
        }
        return loader.build(TreeValues.of(doc), "<builder>", baseDirectory, new Problems("<builder>"));
    }

    /** One host of the builder. Unset values take the same defaults as in a file. */
    public static final class HostBuilder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        HostBuilder() {}

        /** What SSH connects to. */
        public HostBuilder address(String address) {
            return set("address", address);
        }

        /** What the cluster uses (default: the address). */
        public HostBuilder internalAddress(String address) {
            return set("internalAddress", address);
        }

        /** SSH port (default 22). */
        public HostBuilder port(int port) {
            return set("port", port);
        }

        /** SSH user (default root). */
        public HostBuilder user(String user) {
            return set("user", user);
        }

        /** Key file authentication without passphrase. */
        public HostBuilder keyFile(Path keyFile) {
            return set("auth", Map.of("keyFile", keyFile));
        }

        /** Key file authentication with a passphrase. */
        public HostBuilder keyFile(Path keyFile, Secret passphrase) {
            return set("auth", Map.of("keyFile", keyFile, "passphrase", passphrase));
        }

        /** Password authentication. */
        public HostBuilder password(Secret password) {
            return set("auth", Map.of("password", password));
        }

        /** How privileged commands run (default: none for root, passwordless otherwise). */
        public HostBuilder sudo(SudoMode mode) {
            return set("sudo", mode);
        }

        /** The sudo password; implies {@link SudoMode#PASSWORD} unless another mode is set. */
        public HostBuilder sudoPassword(Secret password) {
            return set("sudoPassword", password);
        }

        /** The host's roles. */
        public HostBuilder roles(Role... roles) {
            return set("roles", List.of(roles));
        }

        /** Adds a Kubernetes node label. */
        public HostBuilder label(String key, String value) {
            put(values, "labels." + key.replace(".", "\u0000"), value);
            return this;
        }

        /** A bastion reached as the host's user with the host's auth. */
        public HostBuilder bastion(String address, int port) {
            return set("bastion", Map.of("address", address, "port", port));
        }

        /** Sets any host key by dotted path, e.g. {@code overrides.flannelIface}. */
        public HostBuilder set(String path, Object value) {
            put(values, path, value);
            return this;
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String path, Object value) {
        String[] keys = path.split("\\.");
        Map<String, Object> m = root;
        for (int i = 0; i < keys.length - 1; i++) {
            Object next = m.get(keys[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                m.put(keys[i], next);
            }
            m = (Map<String, Object>) next;
        }
        m.put(keys[keys.length - 1].replace('\u0000', '.'), value instanceof Duration d ? d.toSeconds() : value);
    }
}
