package dev.provisioner.cis;

import java.util.Arrays;

/** A component whose configuration the CIS benchmark covers; each runs as one systemd service. */
public enum KubeComponent {
    ETCD("etcd"),
    KUBE_APISERVER("kube-apiserver"),
    KUBE_CONTROLLER_MANAGER("kube-controller-manager"),
    KUBE_SCHEDULER("kube-scheduler"),
    KUBELET("kubelet"),
    KUBE_PROXY("kube-proxy");

    private final String id;

    KubeComponent(String id) {
        this.id = id;
    }

    /** The component's usual name, also its binary and unit name, e.g. {@code kube-apiserver}. */
    public String id() {
        return id;
    }

    /** The component called {@code id}; throws {@link IllegalArgumentException} for an unknown name. */
    public static KubeComponent of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown component: " + id));
    }
}
