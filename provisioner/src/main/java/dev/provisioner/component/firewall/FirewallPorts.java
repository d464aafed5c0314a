package dev.provisioner.component.firewall;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ports a host serves to the rest of the cluster, from its roles (Kubernetes' "Ports and
 * Protocols", flannel's firewall notes): API server 6443, etcd 2379-2380, kubelet 10250,
 * scheduler 10259, controller-manager 10257 on masters; kubelet 10250, kube-proxy 10256, NodePorts
 * 30000-32767 on nodes; flannel's VXLAN 8472/udp on both; the registry's port on its host. SSH is
 * not touched: it must already be open for provisioner to log in.
 */
final class FirewallPorts {
    private FirewallPorts() {
    }

    static List<FirewallPort> of(Inventory inventory, Host host) {
        Map<String, FirewallPort> ports = new LinkedHashMap<>();
        if (host.hasRole(Role.MASTER)) {
            add(ports, FirewallPort.tcp(6443, "kube-apiserver"));
            add(ports, FirewallPort.tcp(10250, "kubelet"));
            add(ports, FirewallPort.tcp(10257, "kube-controller-manager"));
            add(ports, FirewallPort.tcp(10259, "kube-scheduler"));
        }
        if (inventory.view().etcdMembers().contains(host)) {
            add(ports, new FirewallPort(2379, 2380, "tcp", "etcd"));
        }
        if (host.hasRole(Role.NODE)) {
            add(ports, FirewallPort.tcp(10250, "kubelet"));
            add(ports, FirewallPort.tcp(10256, "kube-proxy"));
            add(ports, new FirewallPort(30000, 32767, "tcp", "NodePort services"));
        }
        if (host.hasRole(Role.MASTER) || host.hasRole(Role.NODE)) {
            add(ports, new FirewallPort(8472, 8472, "udp", "flannel VXLAN"));
        }
        if (host.hasRole(Role.REGISTRY)) {
            add(ports, FirewallPort.tcp(inventory.cluster().registry().port(), "registry"));
        }
        return new ArrayList<>(ports.values());
    }

    private static void add(Map<String, FirewallPort> ports, FirewallPort p) {
        ports.putIfAbsent(p.ufw(), p);
    }
}
