package dev.provisioner.inventory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Computes NO_PROXY: everything inside the cluster must be reached directly, never through the proxy. */
final class NoProxy {
    private NoProxy() {}

    static ProxySettings complete(ProxySettings proxy, List<Host> hosts, Cluster cluster) {
        Set<String> entries = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
        for (Host h : hosts) {
            entries.add(h.name());
            entries.add(h.address());
            entries.add(h.internalAddress());
        }
        entries.add(cluster.serviceCidr().toString());
        entries.add(cluster.network().podCidr().toString());
        entries.add(".svc");
        entries.add("." + cluster.clusterDomain());
        entries.addAll(proxy.extraNoProxy());
        return new ProxySettings(proxy.http(), proxy.https(), proxy.extraNoProxy(), List.copyOf(entries));
    }
}
