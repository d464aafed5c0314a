package dev.provisioner.component.kube;

/**
 * Where the Kubernetes components live on the hosts: units in {@code /etc/systemd/system} (0600,
 * CIS 1.1.1-1.1.6, 4.1.1), kubeconfigs in {@code /etc/kubernetes} (0600), the kubelet and kube-proxy
 * configurations where the CIS layout expects them. PKI paths are in {@link dev.provisioner.pki.HostPaths}.
 */
public final class KubePaths {
    public static final String BIN_DIR = "/usr/local/bin";
    public static final String UNIT_DIR = "/etc/systemd/system";
    public static final String CONFIG_DIR = "/etc/kubernetes";

    public static final String ADMIN_CONF = CONFIG_DIR + "/admin.conf";
    public static final String SUPER_ADMIN_CONF = CONFIG_DIR + "/super-admin.conf";
    public static final String CONTROLLER_MANAGER_CONF = CONFIG_DIR + "/controller-manager.conf";
    public static final String SCHEDULER_CONF = CONFIG_DIR + "/scheduler.conf";
    public static final String KUBELET_CONF = CONFIG_DIR + "/kubelet.conf";
    public static final String KUBE_PROXY_CONF = CONFIG_DIR + "/kube-proxy.conf";

    public static final String ADMISSION_CONFIG = CONFIG_DIR + "/admission-control.yaml";
    public static final String AUDIT_POLICY = CONFIG_DIR + "/audit-policy.yaml";
    public static final String ENCRYPTION_CONFIG = CONFIG_DIR + "/encryption-config.yaml";
    public static final String AUDIT_LOG = "/var/log/kubernetes/audit.log";

    public static final String KUBELET_ENV = CONFIG_DIR + "/kubelet.env";
    public static final String KUBELET_CONFIG = "/var/lib/kubelet/config.yaml";
    public static final String KUBELET_SYSCTL = "/etc/sysctl.d/90-kubelet.conf";
    public static final String KUBE_PROXY_CONFIG = "/var/lib/kube-proxy/config.yaml";

    public static final int SECURE_PORT = 6443;

    private KubePaths() {
    }

    /** {@code /etc/systemd/system/<name>.service}. */
    public static String unit(String name) {
        return UNIT_DIR + "/" + name + ".service";
    }

    /** {@code /usr/local/bin/<name>}. */
    public static String binary(String name) {
        return BIN_DIR + "/" + name;
    }
}
