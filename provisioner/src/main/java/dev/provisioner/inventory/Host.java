package dev.provisioner.inventory;

import dev.provisioner.Secret;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One machine of the inventory.
 *
 * @param name            RFC 1123 label; also the Kubernetes node name and etcd member name
 * @param address         what SSH connects to (IP or DNS name)
 * @param internalAddress what the cluster uses (etcd, apiserver, kubelet, registry); equals {@code address} when not set
 * @param port            SSH port (default 22)
 * @param user            SSH user (default root)
 * @param auth            SSH authentication
 * @param sudo            how privileged commands run
 * @param sudoPassword    present exactly when {@code sudo} is {@link SudoMode#PASSWORD}
 * @param roles           declared roles (etcd membership defaults to the masters, see {@link ClusterView#etcdMembers()})
 * @param labels          Kubernetes node labels for this host
 * @param overrides       per-host setting overrides
 * @param bastion         the jump host, if SSH must go through one
 */
public record Host(String name, String address, String internalAddress, int port, String user, HostAuth auth,
                   SudoMode sudo, Optional<Secret> sudoPassword, Set<Role> roles, Map<String, String> labels,
                   HostOverrides overrides, Optional<Bastion> bastion) {

    public Host {
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        overrides = overrides == null ? HostOverrides.NONE : overrides;
        sudoPassword = sudoPassword == null ? Optional.empty() : sudoPassword;
        bastion = bastion == null ? Optional.empty() : bastion;
    }

    /** True when the host declares {@code role} (for etcd, see {@link ClusterView#etcdMembers()}). */
    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** True when the host runs flanneld: masters and nodes. */
    public boolean runsFlannel() {
        return hasRole(Role.MASTER) || hasRole(Role.NODE);
    }

    /** True when the host runs kubelet, kube-proxy and containerd and registers as a Node: masters and nodes. */
    public boolean runsKubelet() {
        return hasRole(Role.MASTER) || hasRole(Role.NODE);
    }

    @Override
    public String toString() {
        return name + " (" + user + "@" + address + ":" + port + ")";
    }
}
