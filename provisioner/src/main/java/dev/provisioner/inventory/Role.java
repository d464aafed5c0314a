package dev.provisioner.inventory;

/** What a host does in the cluster; written in lowercase in the inventory. */
public enum Role {
    /**
     * Runs kube-apiserver, kube-controller-manager and kube-scheduler (and etcd, unless hosts have {@link #ETCD}); also
     * kubelet, kube-proxy and containerd, registering as a Node tainted {@code control-plane:NoSchedule} unless
     * {@code cluster.masters.schedulable}.
     */
    MASTER,
    /** Runs kubelet, kube-proxy and containerd: workloads land here. */
    NODE,
    /** Runs the private image registry; at most one host. */
    REGISTRY,
    /** Runs an etcd member. When no host has this role, the masters are the etcd members. */
    ETCD
}
