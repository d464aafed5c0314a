package dev.provisioner.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Cross-host rules: unique names and addresses, the roles a cluster needs, registry and etcd counts. */
final class TopologyRules {
    private TopologyRules() {}

    static void check(List<Host> hosts, Cluster cluster, Problems problems) {
        unique(hosts, problems);
        if (hosts.isEmpty()) {
            return;
        }
        if (indices(hosts, Role.MASTER).isEmpty()) {
            problems.errorAt("hosts", "no host has the role 'master'", "add master to the roles of one host (three for high availability)");
        }
        if (indices(hosts, Role.NODE).isEmpty()) {
            problems.errorAt("hosts", "no host has the role 'node'", "add node to the roles of at least one host (a master may also be a node)");
        }
        registry(hosts, cluster.registry(), problems);
        etcd(hosts, problems);
    }

    private static void unique(List<Host> hosts, Problems problems) {
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> endpoints = new HashMap<>();
        Map<String, Integer> internals = new HashMap<>();
        for (int i = 0; i < hosts.size(); i++) {
            Host h = hosts.get(i);
            String at = "hosts[" + i + "]";
            Integer other = h.name() == null ? null : names.putIfAbsent(h.name(), i);
            if (other != null) {
                problems.errorAt(at + ".name", "duplicate host name '" + h.name() + "' (also hosts[" + other + "])",
                        "give every host a unique name");
            }
            other = h.address() == null ? null : endpoints.putIfAbsent(h.address() + ":" + h.port(), i);
            if (other != null) {
                problems.errorAt(at + ".address", "address " + h.address() + " port " + h.port() + " is already used by "
                        + describe(hosts, other), "give every host its own address (or SSH port)");
                continue;
            }
            other = h.internalAddress() == null ? null : internals.putIfAbsent(h.internalAddress(), i);
            if (other != null) {
                String path = problems.knows(at + ".internalAddress") ? at + ".internalAddress" : at + ".address";
                problems.errorAt(path, "internal address " + h.internalAddress() + " is already used by " + describe(hosts, other),
                        "set internalAddress to the address the other hosts reach this one at");
            }
        }
    }

    private static void registry(List<Host> hosts, RegistrySettings settings, Problems problems) {
        List<Integer> registries = indices(hosts, Role.REGISTRY);
        if (!settings.enabled()) {
            registries.forEach(i -> problems.errorAt("hosts[" + i + "].roles",
                    "the host has the role 'registry' but cluster.registry.enabled is false",
                    "remove the role, or set cluster.registry.enabled: true"));
            return;
        }
        if (registries.isEmpty()) {
            problems.errorAt("hosts", "no host has the role 'registry' but cluster.registry is enabled",
                    "add registry to the roles of one host, or set cluster.registry.enabled: false");
        }
        for (int i : registries.subList(Math.min(1, registries.size()), registries.size())) {
            problems.errorAt("hosts[" + i + "].roles", "more than one host has the role 'registry' (also "
                    + describe(hosts, registries.get(0)) + ")", "keep the role registry on one host only");
        }
        String wanted = settings.host().orElse(null);
        if (wanted != null && registries.stream().noneMatch(i -> wanted.equals(hosts.get(i).name()))) {
            problems.errorAt("cluster.registry.host", "'" + wanted + "' is not a host with the role 'registry'",
                    registries.size() == 1 ? "write " + hosts.get(registries.get(0)).name() + ", or remove the key"
                            : "give the role registry to host '" + wanted + "'");
        }
    }

    private static void etcd(List<Host> hosts, Problems problems) {
        List<Integer> members = indices(hosts, Role.ETCD);
        int n = members.isEmpty() ? indices(hosts, Role.MASTER).size() : members.size();
        if (n == 2) {
            problems.errorAt("hosts", "2 etcd members cannot lose either one (a quorum of 2 needs both)",
                    "use 1 or 3 etcd members: etcd runs on the masters unless hosts have the role etcd");
        } else if (n >= 4 && n % 2 == 0) {
            problems.warningAt("hosts", n + " etcd members tolerate no more failures than " + (n - 1),
                    "use an odd number of etcd members");
        }
    }

    static List<Integer> indices(List<Host> hosts, Role role) {
        return IntStream.range(0, hosts.size()).filter(i -> hosts.get(i).hasRole(role)).boxed().toList();
    }

    private static String describe(List<Host> hosts, int i) {
        String name = hosts.get(i).name();
        return "hosts[" + i + "]" + (name == null ? "" : " '" + name + "'");
    }
}
