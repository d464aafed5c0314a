package dev.provisioner.component.kube;

import dev.provisioner.inventory.Cluster;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;

import java.util.stream.Collectors;

/**
 * Cluster-wide values every Kubernetes template uses, derived purely from the inventory: the same
 * service CIDR for the API server and the controller manager (its first address is in the apiserver
 * certificate), the etcd client URLs, where each host finds the API server.
 *
 * @param version       Kubernetes version (checked: 1.31-1.34)
 * @param name          cluster name (kubeconfig cluster name, controller-manager --cluster-name)
 * @param serviceCidr   ClusterIP range
 * @param podCidr       the flannel network (kube-proxy clusterCIDR)
 * @param clusterDns    cluster DNS service IP (CoreDNS ClusterIP, kubelet clusterDNS)
 * @param clusterDomain cluster DNS domain
 * @param etcdServers   {@code https://<member>:2379,...} for every etcd member
 */
public record KubeCluster(String version, String name, String serviceCidr, String podCidr, String clusterDns,
                          String clusterDomain, String etcdServers) {

    public static KubeCluster of(Inventory inventory) {
        Cluster c = inventory.cluster();
        String etcd = inventory.view().etcdMembers().stream()
                .map(h -> "https://" + hostPort(h.internalAddress(), 2379)).collect(Collectors.joining(","));
        return new KubeCluster(KubeVersions.requireSupported(c.versions().kubernetes()), c.name(), c.serviceCidr().toString(),
                c.network().podCidr().toString(), c.clusterDns(), c.clusterDomain(), etcd);
    }

    /** The service-account token issuer (and default audience). */
    public String serviceAccountIssuer() {
        return "https://kubernetes.default.svc." + clusterDomain;
    }

    /**
     * The API server a host talks to: a master its own, every other host the first master's (the
     * inventory has no load-balancer endpoint yet).
     */
    public static String apiServerUrl(Inventory inventory, Host host) {
        Host target = host.hasRole(Role.MASTER) ? host : inventory.view().firstMaster();
        return "https://" + hostPort(target.internalAddress(), KubePaths.SECURE_PORT);
    }

    static String hostPort(String address, int port) {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
