package dev.provisioner.pki;

/**
 * Names of the certificates and keys in the state directory: a name is the file's path under
 * {@code <state>/pki} without its extension ({@code .crt}, {@code .key}, {@code .pub}). Use them with
 * {@link PkiBundle#credential(String)}.
 */
public final class PkiNames {
    /** The cluster CA (CN {@code kubernetes-ca}): signs the apiserver, clients, kubelets and the registry. */
    public static final String CA = "ca";
    /** The etcd CA (CN {@code etcd-ca}): signs etcd members and etcd clients only. */
    public static final String ETCD_CA = "etcd/ca";
    /** The front-proxy (aggregation layer) CA (CN {@code front-proxy-ca}). */
    public static final String FRONT_PROXY_CA = "front-proxy-ca";
    /** The service-account key pair: {@code sa.key} (RSA 2048, PKCS#8) and {@code sa.pub}. */
    public static final String SERVICE_ACCOUNT = "sa";
    public static final String APISERVER = "apiserver";
    public static final String APISERVER_KUBELET_CLIENT = "apiserver-kubelet-client";
    public static final String APISERVER_ETCD_CLIENT = "apiserver-etcd-client";
    public static final String FRONT_PROXY_CLIENT = "front-proxy-client";
    /** {@code kubernetes-admin}, group {@code kubeadm:cluster-admins}. */
    public static final String ADMIN = "admin";
    /** Break-glass {@code kubernetes-super-admin}, group {@code system:masters}: first master only. */
    public static final String SUPER_ADMIN = "super-admin";
    public static final String CONTROLLER_MANAGER = "controller-manager";
    public static final String SCHEDULER = "scheduler";
    public static final String KUBE_PROXY = "kube-proxy";
    /** The node-local API load balancer's health-check client: no group, so it may read only /readyz, /healthz, /version. */
    public static final String APILB_HEALTHCHECK = "apilb-healthcheck-client";
    /** flanneld's client certificate for etcd (etcd CA). */
    public static final String FLANNEL_ETCD_CLIENT = "flannel-etcd-client";
    /** etcdctl's client certificate for health checks and reading flannel's leases (etcd CA, read-only in etcd). */
    public static final String ETCD_HEALTHCHECK_CLIENT = "etcd/healthcheck-client";
    /** etcd's superuser {@code root} (etcd CA): provisioner's own etcd operations; etcd members only, 0600 root. */
    public static final String ETCD_ROOT_CLIENT = "etcd/root-client";
    /** The registry's serving certificate (cluster CA). */
    public static final String REGISTRY = "registry";

    private PkiNames() {
    }

    /** etcd member {@code member}'s serving certificate. */
    public static String etcdServer(String member) {
        return "etcd/" + member + "/server";
    }

    /** etcd member {@code member}'s peer certificate. */
    public static String etcdPeer(String member) {
        return "etcd/" + member + "/peer";
    }

    /** Node {@code node}'s kubelet client certificate ({@code system:node:<node>}). */
    public static String kubeletClient(String node) {
        return "kubelet/" + node + "/client";
    }

    /** Node {@code node}'s kubelet serving certificate. */
    public static String kubeletServer(String node) {
        return "kubelet/" + node + "/server";
    }

    /** An application certificate made with {@code certs issue --name app}, kept in the state directory. */
    public static String app(String app) {
        return "apps/" + app;
    }
}
