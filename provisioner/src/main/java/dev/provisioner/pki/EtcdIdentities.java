package dev.provisioner.pki;

/**
 * The common names of the etcd CA's client certificates. With etcd's {@code --client-cert-auth} and
 * auth enabled, etcd takes a client certificate's CN as the user name, so these names are the etcd
 * users whose roles the etcd component's {@code EtcdAuth} step grants.
 */
public final class EtcdIdentities {
    /** etcd's superuser: provisioner's own operations (join, snapshot, restore, upgrade, health, auth setup). */
    public static final String ROOT = "root";
    /** kube-apiserver's etcd client: read and write under the apiserver's key prefix. */
    public static final String APISERVER = "kube-apiserver-etcd-client";
    /** flanneld's etcd client: read and write under {@code cluster.network.etcdPrefix} only. */
    public static final String FLANNEL = "flannel";
    /** The health-check client ({@code check}): read-only on flannel's prefix; health answers need no permission. */
    public static final String HEALTHCHECK = "kube-etcd-healthcheck-client";

    private EtcdIdentities() {
    }
}
