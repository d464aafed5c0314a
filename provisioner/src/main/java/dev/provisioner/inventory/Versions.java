package dev.provisioner.inventory;

/**
 * Component versions, always {@code MAJOR.MINOR.PATCH[-suffix]} without a leading {@code v}
 * (a {@code v} written in the inventory is dropped).
 *
 * @param kubernetes kube-apiserver, controller-manager, scheduler, kubelet, kube-proxy, kubectl
 * @param etcd       etcd server and etcdctl
 * @param flannel    flanneld
 * @param containerd containerd
 * @param registry   CNCF distribution (the registry)
 */
public record Versions(String kubernetes, String etcd, String flannel, String containerd, String registry) {
    /** Default Kubernetes: the newest minor whose flags K8S-REFERENCE.md documents (1.31-1.34). */
    public static final String KUBERNETES = "1.34.0";
    /** Default etcd: kubeadm's pairing for Kubernetes 1.34. */
    public static final String ETCD = "3.6.5";
    /** Default flannel: the latest release in the reference snapshot. */
    public static final String FLANNEL = "0.27.4";
    /** Default containerd: a 2.1 release supported with Kubernetes 1.34 (2.1.3+). */
    public static final String CONTAINERD = "2.1.3";
    /** Default registry: CNCF distribution v3. */
    public static final String REGISTRY = "3.1.1";

    /** All defaults. */
    public static final Versions DEFAULTS = new Versions(KUBERNETES, ETCD, FLANNEL, CONTAINERD, REGISTRY);
}
