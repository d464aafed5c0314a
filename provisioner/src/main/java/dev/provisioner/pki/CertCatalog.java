package dev.provisioner.pki;

import dev.provisioner.inventory.Cluster;
import dev.provisioner.inventory.ClusterView;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every leaf certificate a cluster needs, derived purely from the inventory (K8S-REFERENCE §3).
 * The group choices follow kubeadm 1.29+: {@code admin} and {@code apiserver-kubelet-client} are in
 * {@code kubeadm:cluster-admins} (bound to cluster-admin by a ClusterRoleBinding the add-ons create,
 * using the break-glass {@code super-admin} in {@code system:masters}); etcd clients carry no group
 * (their CN is their etcd user, {@link EtcdIdentities}).
 */
final class CertCatalog {
    static final String CLUSTER_ADMINS = "kubeadm:cluster-admins";
    static final String SYSTEM_MASTERS = "system:masters";
    static final String SYSTEM_NODES = "system:nodes";

    private CertCatalog() {
    }

    static List<CaSpec> authorities() {
        return List.of(CaSpec.KUBERNETES, CaSpec.ETCD, CaSpec.FRONT_PROXY);
    }

    static List<CertSpec> leaves(Inventory inventory) {
        ClusterView view = inventory.view();
        Cluster cluster = inventory.cluster();
        CaSpec k8s = CaSpec.KUBERNETES;
        CaSpec etcd = CaSpec.ETCD;
        List<CertSpec> specs = new ArrayList<>();
        specs.add(CertSpec.server(PkiNames.APISERVER, k8s, "kube-apiserver", apiserverSans(view.masters(), cluster)));
        specs.add(CertSpec.client(PkiNames.APISERVER_KUBELET_CLIENT, k8s, "kube-apiserver-kubelet-client", CLUSTER_ADMINS));
        specs.add(CertSpec.client(PkiNames.APISERVER_ETCD_CLIENT, etcd, EtcdIdentities.APISERVER));
        specs.add(CertSpec.client(PkiNames.FRONT_PROXY_CLIENT, CaSpec.FRONT_PROXY, "front-proxy-client"));
        specs.add(CertSpec.client(PkiNames.ADMIN, k8s, "kubernetes-admin", CLUSTER_ADMINS));
        specs.add(CertSpec.client(PkiNames.SUPER_ADMIN, k8s, "kubernetes-super-admin", SYSTEM_MASTERS));
        specs.add(CertSpec.client(PkiNames.CONTROLLER_MANAGER, k8s, "system:kube-controller-manager"));
        specs.add(CertSpec.client(PkiNames.SCHEDULER, k8s, "system:kube-scheduler"));
        specs.add(CertSpec.client(PkiNames.KUBE_PROXY, k8s, "system:kube-proxy"));
        specs.add(CertSpec.client(PkiNames.APILB_HEALTHCHECK, k8s, "provisioner:apilb-healthcheck"));
        specs.add(CertSpec.client(PkiNames.FLANNEL_ETCD_CLIENT, etcd, EtcdIdentities.FLANNEL));
        specs.add(CertSpec.client(PkiNames.ETCD_HEALTHCHECK_CLIENT, etcd, EtcdIdentities.HEALTHCHECK));
        specs.add(CertSpec.client(PkiNames.ETCD_ROOT_CLIENT, etcd, EtcdIdentities.ROOT));
        for (Host member : view.etcdMembers()) {
            Set<San> sans = hostSans(member);
            sans.add(San.dns("localhost"));
            sans.add(San.ip("127.0.0.1"));
            specs.add(new CertSpec(PkiNames.etcdServer(member.name()), member.name(), List.of(),
                    Usage.SERVER_AND_CLIENT, List.copyOf(sans), etcd));
            specs.add(new CertSpec(PkiNames.etcdPeer(member.name()), member.name(), List.of(),
                    Usage.SERVER_AND_CLIENT, List.copyOf(sans), etcd));
        }
        for (Host node : view.kubeletHosts()) {
            String user = "system:node:" + node.name();
            specs.add(CertSpec.client(PkiNames.kubeletClient(node.name()), k8s, user, SYSTEM_NODES));
            specs.add(CertSpec.server(PkiNames.kubeletServer(node.name()), k8s, user, hostSans(node)));
        }
        if (cluster.registry().tls()) {
            // Loopback too, as etcd's: the registry's own health probe and local pushes use https://127.0.0.1:<port>.
            view.registryHost().ifPresent(r -> {
                Set<San> sans = hostSans(r);
                sans.add(San.dns("localhost"));
                sans.add(San.ip("127.0.0.1"));
                specs.add(CertSpec.server(PkiNames.REGISTRY, k8s, r.name(), sans));
            });
        }
        return List.copyOf(specs);
    }

    /** An application's serving certificate: the Service's DNS names plus any extra names. */
    static CertSpec app(String name, String namespace, String clusterDomain, List<String> extraSans) {
        Set<San> sans = new LinkedHashSet<>();
        sans.add(San.dns(name));
        sans.add(San.dns(name + "." + namespace));
        sans.add(San.dns(name + "." + namespace + ".svc"));
        sans.add(San.dns(name + "." + namespace + ".svc." + clusterDomain));
        extraSans.forEach(s -> sans.add(San.of(s)));
        return CertSpec.server(PkiNames.app(name), CaSpec.KUBERNETES, name, sans);
    }

    static Set<San> apiserverSans(List<Host> masters, Cluster cluster) {
        Set<San> sans = new LinkedHashSet<>();
        for (Host m : masters) {
            sans.addAll(hostSans(m));
        }
        sans.add(San.dns("kubernetes"));
        sans.add(San.dns("kubernetes.default"));
        sans.add(San.dns("kubernetes.default.svc"));
        sans.add(San.dns("kubernetes.default.svc." + cluster.clusterDomain()));
        sans.add(San.ip(cluster.serviceCidr().addressAt(1)));
        sans.add(San.ip("127.0.0.1"));
        sans.add(San.dns("localhost"));
        cluster.security().apiEndpoint().ifPresent(e -> sans.add(San.of(e.address())));
        return sans;
    }

    /** The host's name, address and internal address (IP or DNS as written). */
    static Set<San> hostSans(Host host) {
        Set<San> sans = new LinkedHashSet<>();
        sans.add(San.dns(host.name()));
        sans.add(San.of(host.address()));
        sans.add(San.of(host.internalAddress()));
        return sans;
    }
}
