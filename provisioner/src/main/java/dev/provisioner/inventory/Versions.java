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

    /** The Kubernetes minors the templates are written for (1.31 to 1.34), oldest first. */
    public static final java.util.List<Integer> SUPPORTED_KUBERNETES_MINORS = java.util.List.of(31, 32, 33, 34);
    /** The supported range in words. */
    public static final String SUPPORTED_KUBERNETES = "1." + SUPPORTED_KUBERNETES_MINORS.get(0) + " to 1."
            + SUPPORTED_KUBERNETES_MINORS.get(SUPPORTED_KUBERNETES_MINORS.size() - 1);

    /** Whether {@code version} (without a leading v) is a 1.x release of a supported minor. */
    public static boolean supportedKubernetes(String version) {
        String[] parts = version.split("[.-]");
        return parts.length >= 2 && parts[0].equals("1") && parts[1].matches("\\d{1,4}")
                && SUPPORTED_KUBERNETES_MINORS.contains(Integer.parseInt(parts[1]));
    }

    /** All defaults. */
    public static final Versions DEFAULTS = new Versions(KUBERNETES, ETCD, FLANNEL, CONTAINERD, REGISTRY);
}
