package dev.provisioner.component.runtime;

import dev.provisioner.facts.OsFamily;

/**
 * Where containerd and the CNI plugins live. The kubelet and flannel expect the CNI plugins in
 * {@value #CNI_BIN_DIR}; the distributions' packages put them elsewhere, so the packaged ones are
 * linked there.
 *
 * @param packagedCniDir where the OS package {@code containernetworking-plugins} installs the plugins
 */
record ContainerdLayout(String packagedCniDir) {
    static final String UNIT = "containerd.service";
    static final String CONFIG = "/etc/containerd/config.toml";
    static final String CERTS_DIR = "/etc/containerd/certs.d";
    static final String CNI_BIN_DIR = "/opt/cni/bin";
    static final String CNI_CONF_DIR = "/etc/cni/net.d";
    static final String PACKAGE = "containerd";

    static ContainerdLayout of(OsFamily family) {
        return new ContainerdLayout(family == OsFamily.RHEL ? "/usr/libexec/cni" : "/usr/lib/cni");
    }

    static String hostsToml(String hostPort) {
        return CERTS_DIR + "/" + hostPort + "/hosts.toml";
    }
}
