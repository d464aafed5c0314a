package dev.provisioner.component.network;

import dev.provisioner.inventory.Role;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;

/**
 * The {@value #TITLE} phase: flannel's network config written into etcd (v3 API) at
 * {@code <cluster.network.etcdPrefix>/config} and read back. Runs after the etcd phase; only the first
 * etcd member acts, the others report that it is written there.
 */
public final class NetworkConfigPhase {
    public static final String TITLE = "network-config";

    private NetworkConfigPhase() {
    }

    public static Phase create() {
        return Phase.of(TITLE, HostSelector.roles(Role.ETCD), new FlannelNetworkConfigStep());
    }
}
