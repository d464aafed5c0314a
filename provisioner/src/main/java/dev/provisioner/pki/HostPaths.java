package dev.provisioner.pki;

/**
 * Where PKI files live on the hosts (what {@link PkiBundle#filesFor(String)} returns), for templates
 * that reference them. Kubernetes files follow kubeadm's names under {@code /etc/kubernetes/pki}
 * (root:root, so the CIS 1.1.19-1.1.21 checks hold: certificates 0644, keys 0600); etcd's files live
 * apart under {@code /etc/etcd/pki} owned by {@code etcd}, because etcd runs as that user.
 *
 * <pre>
 * masters  /etc/kubernetes/pki/{ca,apiserver,apiserver-kubelet-client,apiserver-etcd-client,front-proxy-client,
 *                               admin,controller-manager,scheduler}.{crt,key}, front-proxy-ca.crt, sa.{key,pub},
 *                               etcd/ca.crt, flannel-etcd-client.{crt,key}; super-admin.{crt,key} on the first master
 * nodes    /etc/kubernetes/pki/{ca.crt,kubelet.{crt,key},kubelet-client.{crt,key},kube-proxy.{crt,key},
 *                               etcd/ca.crt,flannel-etcd-client.{crt,key}}
 * etcd     /etc/etcd/pki/{ca.crt,server.{crt,key},peer.{crt,key},healthcheck-client.{crt,key}}   (etcd:etcd)
 * registry /etc/registry/pki/{ca.crt,registry.crt,registry.key}
 * </pre>
 */
public final class HostPaths {
    /** Kubernetes PKI directory (root:root, 0700 is fine, files 0644/0600). */
    public static final String KUBERNETES_DIR = "/etc/kubernetes/pki";
    /** etcd's PKI directory, owned by etcd. */
    public static final String ETCD_DIR = "/etc/etcd/pki";
    /** The registry's PKI directory. */
    public static final String REGISTRY_DIR = "/etc/registry/pki";

    /** Cluster CA: apiserver/controller-manager {@code --client-ca-file}, kubelet {@code clientCAFile}, kubeconfigs, registry trust. */
    public static final String CA_CERT = KUBERNETES_DIR + "/ca.crt";
    /** Cluster CA key: controller-manager {@code --cluster-signing-key-file} (masters only). */
    public static final String CA_KEY = KUBERNETES_DIR + "/ca.key";
    public static final String APISERVER_CERT = KUBERNETES_DIR + "/apiserver.crt";
    public static final String APISERVER_KEY = KUBERNETES_DIR + "/apiserver.key";
    public static final String APISERVER_KUBELET_CLIENT_CERT = KUBERNETES_DIR + "/apiserver-kubelet-client.crt";
    public static final String APISERVER_KUBELET_CLIENT_KEY = KUBERNETES_DIR + "/apiserver-kubelet-client.key";
    public static final String APISERVER_ETCD_CLIENT_CERT = KUBERNETES_DIR + "/apiserver-etcd-client.crt";
    public static final String APISERVER_ETCD_CLIENT_KEY = KUBERNETES_DIR + "/apiserver-etcd-client.key";
    /** apiserver {@code --requestheader-client-ca-file}. */
    public static final String FRONT_PROXY_CA_CERT = KUBERNETES_DIR + "/front-proxy-ca.crt";
    public static final String FRONT_PROXY_CLIENT_CERT = KUBERNETES_DIR + "/front-proxy-client.crt";
    public static final String FRONT_PROXY_CLIENT_KEY = KUBERNETES_DIR + "/front-proxy-client.key";
    /** apiserver {@code --service-account-signing-key-file}, controller-manager {@code --service-account-private-key-file}. */
    public static final String SA_KEY = KUBERNETES_DIR + "/sa.key";
    /** apiserver {@code --service-account-key-file}. */
    public static final String SA_PUB = KUBERNETES_DIR + "/sa.pub";
    /** The etcd CA for etcd clients (apiserver {@code --etcd-cafile}, flanneld {@code --etcd-cafile}). */
    public static final String ETCD_CA_CERT = KUBERNETES_DIR + "/etcd/ca.crt";
    public static final String ADMIN_CERT = KUBERNETES_DIR + "/admin.crt";
    public static final String ADMIN_KEY = KUBERNETES_DIR + "/admin.key";
    public static final String SUPER_ADMIN_CERT = KUBERNETES_DIR + "/super-admin.crt";
    public static final String SUPER_ADMIN_KEY = KUBERNETES_DIR + "/super-admin.key";
    public static final String CONTROLLER_MANAGER_CERT = KUBERNETES_DIR + "/controller-manager.crt";
    public static final String CONTROLLER_MANAGER_KEY = KUBERNETES_DIR + "/controller-manager.key";
    public static final String SCHEDULER_CERT = KUBERNETES_DIR + "/scheduler.crt";
    public static final String SCHEDULER_KEY = KUBERNETES_DIR + "/scheduler.key";
    /** kubelet {@code tlsCertFile} (serving). */
    public static final String KUBELET_CERT = KUBERNETES_DIR + "/kubelet.crt";
    /** kubelet {@code tlsPrivateKeyFile}. */
    public static final String KUBELET_KEY = KUBERNETES_DIR + "/kubelet.key";
    /** The node's client certificate in the kubelet kubeconfig ({@code system:node:<name>}). */
    public static final String KUBELET_CLIENT_CERT = KUBERNETES_DIR + "/kubelet-client.crt";
    public static final String KUBELET_CLIENT_KEY = KUBERNETES_DIR + "/kubelet-client.key";
    public static final String KUBE_PROXY_CERT = KUBERNETES_DIR + "/kube-proxy.crt";
    public static final String KUBE_PROXY_KEY = KUBERNETES_DIR + "/kube-proxy.key";
    /** flanneld {@code --etcd-certfile}. */
    public static final String FLANNEL_ETCD_CLIENT_CERT = KUBERNETES_DIR + "/flannel-etcd-client.crt";
    /** flanneld {@code --etcd-keyfile}. */
    public static final String FLANNEL_ETCD_CLIENT_KEY = KUBERNETES_DIR + "/flannel-etcd-client.key";

    /** etcd {@code --trusted-ca-file} and {@code --peer-trusted-ca-file}. */
    public static final String ETCD_MEMBER_CA_CERT = ETCD_DIR + "/ca.crt";
    public static final String ETCD_SERVER_CERT = ETCD_DIR + "/server.crt";
    public static final String ETCD_SERVER_KEY = ETCD_DIR + "/server.key";
    public static final String ETCD_PEER_CERT = ETCD_DIR + "/peer.crt";
    public static final String ETCD_PEER_KEY = ETCD_DIR + "/peer.key";
    /** etcdctl {@code --cert} for {@code endpoint health} and reading flannel's leases (read-only in etcd). */
    public static final String ETCD_HEALTHCHECK_CLIENT_CERT = ETCD_DIR + "/healthcheck-client.crt";
    public static final String ETCD_HEALTHCHECK_CLIENT_KEY = ETCD_DIR + "/healthcheck-client.key";
    /** etcdctl {@code --cert} of etcd's {@code root} user, for provisioner's own operations (root:root, key 0600). */
    public static final String ETCD_ROOT_CLIENT_CERT = ETCD_DIR + "/root-client.crt";
    public static final String ETCD_ROOT_CLIENT_KEY = ETCD_DIR + "/root-client.key";

    /** The cluster CA on the registry host (for local health checks). */
    public static final String REGISTRY_CA_CERT = REGISTRY_DIR + "/ca.crt";
    /** distribution {@code http.tls.certificate}. */
    public static final String REGISTRY_CERT = REGISTRY_DIR + "/registry.crt";
    /** distribution {@code http.tls.key}. */
    public static final String REGISTRY_KEY = REGISTRY_DIR + "/registry.key";

    private HostPaths() {
    }
}
