package dev.provisioner.inventory;

import java.util.Optional;

/**
 * Cluster-wide settings.
 *
 * @param name             RFC 1123 name of the cluster (kubeconfig cluster and context name)
 * @param versions         component versions
 * @param network          the flannel pod network
 * @param serviceCidr      ClusterIP range (default 10.96.0.0/12); its first address is the kubernetes service
 * @param clusterDns       cluster DNS service IP (default: the 10th address of serviceCidr)
 * @param clusterDomain    cluster DNS domain (default cluster.local)
 * @param registry         the private registry
 * @param containerRuntime CRI runtime (containerd)
 * @param install          install source per component
 * @param proxy            HTTP proxy, if the hosts need one
 * @param ssh              SSH settings
 * @param security         API endpoint, masters as nodes, encryption keys, accepted CIS exceptions
 * @param etcdBackup       {@code cluster.etcd.backup}: scheduled snapshots on the first etcd member; empty when not set
 */
public record Cluster(String name, Versions versions, PodNetwork network, Cidr serviceCidr, String clusterDns,
                      String clusterDomain, RegistrySettings registry, ContainerRuntime containerRuntime,
                      InstallSettings install, Optional<ProxySettings> proxy, SshSettings ssh,
                      SecuritySettings security, Optional<EtcdBackup> etcdBackup) {
    public static final String DEFAULT_SERVICE_CIDR = "10.96.0.0/12";
    public static final String DEFAULT_CLUSTER_DOMAIN = "cluster.local";

    public Cluster {
        proxy = proxy == null ? Optional.empty() : proxy;
        security = security == null ? SecuritySettings.DEFAULTS : security;
        etcdBackup = etcdBackup == null ? Optional.empty() : etcdBackup;
    }

    /** Without scheduled etcd backups. */
    public Cluster(String name, Versions versions, PodNetwork network, Cidr serviceCidr, String clusterDns,
                   String clusterDomain, RegistrySettings registry, ContainerRuntime containerRuntime,
                   InstallSettings install, Optional<ProxySettings> proxy, SshSettings ssh, SecuritySettings security) {
        this(name, versions, network, serviceCidr, clusterDns, clusterDomain, registry, containerRuntime, install, proxy,
                ssh, security, Optional.empty());
    }

    Cluster withRegistryHost(Optional<String> host) {
        RegistrySettings r = registry;
        return new Cluster(name, versions, network, serviceCidr, clusterDns, clusterDomain,
                new RegistrySettings(r.enabled(), host, r.port(), r.tls(), r.insecure(), r.auth()),
                containerRuntime, install, proxy, ssh, security, etcdBackup);
    }

    Cluster withProxy(Optional<ProxySettings> p) {
        return new Cluster(name, versions, network, serviceCidr, clusterDns, clusterDomain, registry,
                containerRuntime, install, p, ssh, security, etcdBackup);
    }
}
