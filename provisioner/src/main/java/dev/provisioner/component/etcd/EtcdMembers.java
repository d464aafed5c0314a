package dev.provisioner.component.etcd;

import dev.provisioner.inventory.HostPorts;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The etcd members of an inventory ({@link dev.provisioner.inventory.ClusterView#etcdMembers()}: hosts with
 * the role etcd, else the masters), each named after its host and reached on its internal address. Pure.
 */
public final class EtcdMembers {
    private final List<Host> members;
    private final String token;

    private EtcdMembers(List<Host> members, String token) {
        this.members = members;
        this.token = token;
    }

    public static EtcdMembers of(Inventory inventory) {
        return new EtcdMembers(inventory.view().etcdMembers(), inventory.cluster().name());
    }

    public List<Host> hosts() {
        return members;
    }

    /** The first member: where one-off writes (auth set-up, the flannel network config) run. */
    public Host first() {
        return members.get(0);
    }

    /** Whether {@code host} is {@link #first()}: the one that does the cluster's one-off etcd writes. */
    public boolean isFirst(Host host) {
        return first().name().equals(host.name());
    }

    public boolean isMember(Host host) {
        return members.stream().anyMatch(m -> m.name().equals(host.name()));
    }

    /** {@code name=https://addr:2380,...} for {@code --initial-cluster}. */
    public String initialCluster() {
        return members.stream().map(m -> m.name() + "=" + peerUrl(m)).collect(Collectors.joining(","));
    }

    /** Every member's client URL, comma separated, for {@code --endpoints}. */
    public String endpoints() {
        return members.stream().map(EtcdMembers::clientUrl).collect(Collectors.joining(","));
    }

    /** {@code --initial-cluster-token}: the cluster name, so two clusters' members never join each other. */
    public String token() {
        return token;
    }

    public static String clientUrl(Host h) {
        return url(h.internalAddress(), EtcdInstall.CLIENT_PORT);
    }

    public static String peerUrl(Host h) {
        return url(h.internalAddress(), EtcdInstall.PEER_PORT);
    }

    static String url(String address, int port) {
        String host = HostPorts.host(address);
        return "https://" + host + ":" + port;
    }
}
