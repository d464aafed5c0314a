package dev.provisioner.component.kube;

import dev.provisioner.inventory.HostPorts;
import dev.provisioner.inventory.ApiEndpoint;
import dev.provisioner.inventory.Cluster;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;

import java.util.Optional;
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
     * The API server a host's kubeconfigs name. A master talks to its own API server. Every other host
     * uses {@link #clusterEndpoint}: with several masters that never names a single master.
     */
    public static String apiServerUrl(Inventory inventory, Host host) {
        return host.hasRole(Role.MASTER) ? local(host) : clusterEndpoint(inventory);
    }

    /**
     * The admin kubeconfig's API server: {@code cluster.apiEndpoint} when given (it survives the loss of
     * this master), else the master's own API server.
     */
    public static String adminUrl(Inventory inventory, Host master) {
        return inventory.cluster().security().apiEndpoint().map(ApiEndpoint::url).orElseGet(() -> local(master));
    }

    /**
     * The one endpoint hosts that are not masters use: {@code cluster.apiEndpoint} when given; else, with one
     * master, that master; with several, the node-local load balancer on {@code https://127.0.0.1:6443}
     * (haproxy health-checking every master, see {@link #usesLocalProxy}).
     */
    public static String clusterEndpoint(Inventory inventory) {
        Optional<ApiEndpoint> lb = inventory.cluster().security().apiEndpoint();
        if (lb.isPresent()) {
            return lb.get().url();
        }
        return usesLocalProxy(inventory) ? "https://" + hostPort(LOCAL_PROXY_ADDRESS, KubePaths.SECURE_PORT)
                : local(inventory.view().firstMaster());
    }

    /** Whether hosts that are not masters reach the API through a node-local proxy: several masters, no apiEndpoint. */
    public static boolean usesLocalProxy(Inventory inventory) {
        return inventory.view().masters().size() > 1 && inventory.cluster().security().apiEndpoint().isEmpty();
    }

    /** Where the node-local proxy listens (a non-master host runs no API server, so 6443 is free there). */
    public static final String LOCAL_PROXY_ADDRESS = "127.0.0.1";

    private static String local(Host master) {
        return "https://" + hostPort(master.internalAddress(), KubePaths.SECURE_PORT);
    }

    static String hostPort(String address, int port) {
        return HostPorts.of(address, port);
    }
}
