package dev.provisioner.cis;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where each component's pieces live on a host. Flags win over these defaults: a kubelet started
 * with {@code --config=/x} is checked against {@code /x}, and the layout's {@link #kubeletConfig()}
 * is only used when the flag is absent (the same holds for the other paths a flag can carry).
 *
 * <p>{@link #defaults()} follows the paths recommended in the project's Kubernetes reference
 * (systemd units in {@code /etc/systemd/system}, kubeconfigs in {@code /etc/kubernetes}, the PKI in
 * {@code /etc/kubernetes/pki}, etcd's data in {@code /var/lib/etcd}); {@link #toBuilder()} overrides
 * single paths.
 *
 * @param units                       systemd unit path per component (its ExecStart carries the flags)
 * @param kubeletConfig               KubeletConfiguration file when the kubelet has no {@code --config}
 * @param kubeletKubeconfig           kubelet kubeconfig when the kubelet has no {@code --kubeconfig}
 * @param kubeletClientCaFile         client CA when neither the kubelet flag nor its config names one
 * @param proxyConfig                 KubeProxyConfiguration file when kube-proxy has no {@code --config}
 * @param proxyKubeconfig             kube-proxy kubeconfig when neither flag nor config names one
 * @param schedulerKubeconfig         scheduler kubeconfig when it has no {@code --kubeconfig}
 * @param controllerManagerKubeconfig controller-manager kubeconfig when it has no {@code --kubeconfig}
 * @param adminKubeconfigs            administrative kubeconfigs; the first is required on API server hosts
 * @param pkiDir                      the Kubernetes PKI directory
 * @param etcdDataDir                 etcd data directory when neither {@code --data-dir} nor {@code ETCD_DATA_DIR} is set
 * @param cniConfDir                  CNI configuration directory
 * @param roleComponents              components a role requires; a required component whose unit is not
 *                                    rendered fails its checks instead of being not applicable
 */
public record ComponentLayout(
        Map<KubeComponent, String> units,
        String kubeletConfig,
        String kubeletKubeconfig,
        String kubeletClientCaFile,
        String proxyConfig,
        String proxyKubeconfig,
        String schedulerKubeconfig,
        String controllerManagerKubeconfig,
        List<String> adminKubeconfigs,
        String pkiDir,
        String etcdDataDir,
        String cniConfDir,
        Map<String, Set<KubeComponent>> roleComponents) {

    public ComponentLayout {
        units = Map.copyOf(units);
        for (KubeComponent c : KubeComponent.values()) {
            if (!units.containsKey(c)) {
                throw new IllegalArgumentException("no unit path for " + c.id());
            }
        }
        Objects.requireNonNull(kubeletConfig, "kubeletConfig");
        Objects.requireNonNull(kubeletKubeconfig, "kubeletKubeconfig");
        Objects.requireNonNull(kubeletClientCaFile, "kubeletClientCaFile");
        Objects.requireNonNull(proxyConfig, "proxyConfig");
        Objects.requireNonNull(proxyKubeconfig, "proxyKubeconfig");
        Objects.requireNonNull(schedulerKubeconfig, "schedulerKubeconfig");
        Objects.requireNonNull(controllerManagerKubeconfig, "controllerManagerKubeconfig");
        adminKubeconfigs = List.copyOf(adminKubeconfigs);
        if (adminKubeconfigs.isEmpty()) {
            throw new IllegalArgumentException("at least one admin kubeconfig path is required");
        }
        Objects.requireNonNull(pkiDir, "pkiDir");
        Objects.requireNonNull(etcdDataDir, "etcdDataDir");
        Objects.requireNonNull(cniConfDir, "cniConfDir");
        Map<String, Set<KubeComponent>> roles = new LinkedHashMap<>();
        roleComponents.forEach((k, v) -> roles.put(k, Set.copyOf(v)));
        roleComponents = Map.copyOf(roles);
    }

    /** The recommended layout (see the class comment). */
    public static ComponentLayout defaults() {
        Map<KubeComponent, String> units = new EnumMap<>(KubeComponent.class);
        for (KubeComponent c : KubeComponent.values()) {
            units.put(c, "/etc/systemd/system/" + c.id() + ".service");
        }
        return new ComponentLayout(units,
                "/var/lib/kubelet/config.yaml",
                "/etc/kubernetes/kubelet.conf",
                "/etc/kubernetes/pki/ca.crt",
                "/var/lib/kube-proxy/config.yaml",
                "/etc/kubernetes/kube-proxy.conf",
                "/etc/kubernetes/scheduler.conf",
                "/etc/kubernetes/controller-manager.conf",
                List.of("/etc/kubernetes/admin.conf", "/etc/kubernetes/super-admin.conf"),
                "/etc/kubernetes/pki",
                "/var/lib/etcd",
                "/etc/cni/net.d",
                Map.of("master", EnumSet.of(KubeComponent.KUBE_APISERVER, KubeComponent.KUBE_CONTROLLER_MANAGER,
                                KubeComponent.KUBE_SCHEDULER),
                        "node", EnumSet.of(KubeComponent.KUBELET, KubeComponent.KUBE_PROXY),
                        "etcd", EnumSet.of(KubeComponent.ETCD)));
    }

    /** The unit path of {@code component}. */
    public String unit(KubeComponent component) {
        return units.get(component);
    }

    /** A builder starting from this layout. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes single paths of a layout; {@link #build()} validates. */
    public static final class Builder {
        private final Map<KubeComponent, String> units;
        private String kubeletConfig;
        private String kubeletKubeconfig;
        private String kubeletClientCaFile;
        private String proxyConfig;
        private String proxyKubeconfig;
        private String schedulerKubeconfig;
        private String controllerManagerKubeconfig;
        private List<String> adminKubeconfigs;
        private String pkiDir;
        private String etcdDataDir;
        private String cniConfDir;
        private Map<String, Set<KubeComponent>> roleComponents;

        private Builder(ComponentLayout l) {
            units = new EnumMap<>(l.units);
            kubeletConfig = l.kubeletConfig;
            kubeletKubeconfig = l.kubeletKubeconfig;
            kubeletClientCaFile = l.kubeletClientCaFile;
            proxyConfig = l.proxyConfig;
            proxyKubeconfig = l.proxyKubeconfig;
            schedulerKubeconfig = l.schedulerKubeconfig;
            controllerManagerKubeconfig = l.controllerManagerKubeconfig;
            adminKubeconfigs = l.adminKubeconfigs;
            pkiDir = l.pkiDir;
            etcdDataDir = l.etcdDataDir;
            cniConfDir = l.cniConfDir;
            roleComponents = l.roleComponents;
        }

        public Builder unit(KubeComponent component, String path) { units.put(component, path); return this; }
        public Builder kubeletConfig(String path) { kubeletConfig = path; return this; }
        public Builder kubeletKubeconfig(String path) { kubeletKubeconfig = path; return this; }
        public Builder kubeletClientCaFile(String path) { kubeletClientCaFile = path; return this; }
        public Builder proxyConfig(String path) { proxyConfig = path; return this; }
        public Builder proxyKubeconfig(String path) { proxyKubeconfig = path; return this; }
        public Builder schedulerKubeconfig(String path) { schedulerKubeconfig = path; return this; }
        public Builder controllerManagerKubeconfig(String path) { controllerManagerKubeconfig = path; return this; }
        public Builder adminKubeconfigs(List<String> paths) { adminKubeconfigs = paths; return this; }
        public Builder pkiDir(String path) { pkiDir = path; return this; }
        public Builder etcdDataDir(String path) { etcdDataDir = path; return this; }
        public Builder cniConfDir(String path) { cniConfDir = path; return this; }
        public Builder roleComponents(Map<String, Set<KubeComponent>> map) { roleComponents = map; return this; }

        /** The layout; throws {@link IllegalArgumentException} or {@link NullPointerException} when incomplete. */
        public ComponentLayout build() {
            return new ComponentLayout(units, kubeletConfig, kubeletKubeconfig, kubeletClientCaFile, proxyConfig,
                    proxyKubeconfig, schedulerKubeconfig, controllerManagerKubeconfig, adminKubeconfigs, pkiDir,
                    etcdDataDir, cniConfDir, roleComponents);
        }
    }
}
