package dev.provisioner.ops.check;

import dev.provisioner.component.etcd.EtcdInstall;
import dev.provisioner.component.kube.KubePaths;
import dev.provisioner.component.registry.RegistryLayout;

import java.util.List;

/**
 * Unit names, paths and ports the probes look at: the components' public constants where they
 * have them (PKI paths come from {@code pki.HostPaths}). The containerd and flanneld names are
 * package-private in their components, so they are repeated here (equal to
 * {@code runtime.ContainerdLayout} and {@code flannel.FlannelFiles}); the apiserver unit and the
 * CoreDNS Deployment follow the kube and add-on components' templates.
 */
final class ProbeTargets {
    static final String ETCD_UNIT = EtcdInstall.UNIT;
    static final int ETCD_CLIENT_PORT = EtcdInstall.CLIENT_PORT;
    static final String CONTAINERD_UNIT = "containerd.service";
    static final String FLANNELD_UNIT = "flanneld.service";
    /** flanneld {@code --subnet-file} default. */
    static final String FLANNEL_SUBNET_FILE = "/run/flannel/subnet.env";
    static final String APISERVER_UNIT = "kube-apiserver.service";
    static final int APISERVER_PORT = KubePaths.SECURE_PORT;
    /** The admin kubeconfig on the masters. */
    static final String ADMIN_KUBECONFIG = KubePaths.ADMIN_CONF;
    static final String COREDNS_NAMESPACE = "kube-system";
    static final String COREDNS_DEPLOYMENT = "coredns";
    /** The registry's unit on either OS family. */
    static final List<String> REGISTRY_UNITS = List.of(RegistryLayout.DEBIAN.unit(), RegistryLayout.RHEL.unit());

    private ProbeTargets() {
    }
}
