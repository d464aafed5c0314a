package dev.provisioner.inventory;

import java.util.List;
import java.util.Optional;

/**
 * Read-only facts derived from a valid inventory, for the layers that plan and run steps.
 * Lists keep the inventory's host order.
 */
public final class ClusterView {
    private final List<Host> hosts;
    private final Cluster cluster;

    ClusterView(List<Host> hosts, Cluster cluster) {
        this.hosts = hosts;
        this.cluster = cluster;
    }

    /** Hosts declaring {@code role}; for {@link Role#ETCD} the effective members, see {@link #etcdMembers()}. */
    public List<Host> hostsWithRole(Role role) {
        return role == Role.ETCD ? etcdMembers() : hosts.stream().filter(h -> h.hasRole(role)).toList();
    }

    /** The masters (at least one). */
    public List<Host> masters() {
        return hostsWithRole(Role.MASTER);
    }

    /** The worker nodes (at least one). */
    public List<Host> nodes() {
        return hostsWithRole(Role.NODE);
    }

    /** Hosts that register as Nodes (masters, tainted unless schedulable, and nodes), in inventory order. */
    public List<Host> kubeletHosts() {
        return hosts.stream().filter(Host::runsKubelet).toList();
    }

    /** The first master in inventory order: where one-off cluster actions run. */
    public Host firstMaster() {
        return masters().get(0);
    }

    /** Hosts with the role etcd, or the masters when no host has it. */
    public List<Host> etcdMembers() {
        List<Host> explicit = hosts.stream().filter(h -> h.hasRole(Role.ETCD)).toList();
        return explicit.isEmpty() ? masters() : explicit;
    }

    /** Hosts that run flanneld: masters and nodes. */
    public List<Host> flannelHosts() {
        return hosts.stream().filter(Host::runsFlannel).toList();
    }

    /** The registry host, when the registry is enabled. */
    public Optional<Host> registryHost() {
        return cluster.registry().enabled() ? hosts.stream().filter(h -> h.hasRole(Role.REGISTRY)).findFirst() : Optional.empty();
    }

    /** {@code internalAddress:port} of the registry (IPv6 in brackets), as image names use it: {@code 10.4.4.8:5000}. */
    public Optional<String> registryEndpoint() {
        return registryHost().map(h -> hostPort(h.internalAddress(), cluster.registry().port()));
    }

    static String hostPort(String address, int port) {
        return HostPorts.of(address, port);
    }
}
