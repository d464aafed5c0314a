package dev.provisioner.component.kube;

import dev.provisioner.inventory.Inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Every release binary of the Kubernetes and flannel install, by role: masters run the control plane
 * and kubectl; masters and nodes run the kubelet, kube-proxy, the flannel CNI plugin and flanneld.
 */
public final class InstallSet {
    /** The flannel CNI plugin release (flannel-io/cni-plugin); the inventory has no setting for it yet. */
    public static final String FLANNEL_CNI_PLUGIN_VERSION = "1.9.1-flannel1";
    /** Where CNI plugins are installed (containerd's default {@code bin_dir}). */
    public static final String CNI_BIN_DIR = "/opt/cni/bin";

    private InstallSet() {
    }

    public static List<ReleaseBinary> controlPlane(Inventory inv) {
        String v = inv.cluster().versions().kubernetes();
        List<ReleaseBinary> out = new ArrayList<>();
        for (String c : List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubectl")) {
            out.add(new ReleaseBinary(c, v, c, KubePaths.binary(c)));
        }
        return out;
    }

    public static List<ReleaseBinary> node(Inventory inv) {
        String v = inv.cluster().versions().kubernetes();
        return List.of(new ReleaseBinary("kubelet", v, "kubelet", KubePaths.binary("kubelet")),
                new ReleaseBinary("kube-proxy", v, "kube-proxy", KubePaths.binary("kube-proxy")));
    }

    public static List<ReleaseBinary> flanneld(Inventory inv) {
        return List.of(new ReleaseBinary("flannel", inv.cluster().versions().flannel(), "flanneld", KubePaths.binary("flanneld")));
    }

    public static List<ReleaseBinary> flannelCni() {
        return List.of(new ReleaseBinary("flannel-cni-plugin", FLANNEL_CNI_PLUGIN_VERSION, "flannel", CNI_BIN_DIR + "/flannel"));
    }

    /** The whole set, in the order phases need it (flannel first). */
    public static List<ReleaseBinary> binaries(Inventory inv) {
        List<ReleaseBinary> out = new ArrayList<>(flanneld(inv));
        out.addAll(flannelCni());
        out.addAll(controlPlane(inv));
        out.addAll(node(inv));
        return out;
    }
}
