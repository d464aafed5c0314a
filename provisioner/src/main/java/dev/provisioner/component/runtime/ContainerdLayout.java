package dev.provisioner.component.runtime;

import dev.provisioner.facts.OsFamily;
import dev.provisioner.inventory.Component;
import dev.provisioner.inventory.InstallSource;
import dev.provisioner.inventory.Inventory;

/**
 * Where containerd and the CNI plugins live. The kubelet and flannel expect the CNI plugins in
 * {@value #CNI_BIN_DIR}; the distributions' packages put them elsewhere, so the packaged ones are
 * linked there. Release binaries go to /usr/local (runc to /usr/local/sbin) with our own unit.
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
    /** Release binaries (containerd, its shim, ctr). */
    static final String RELEASE_BIN_DIR = "/usr/local/bin";
    /** runc from its release. */
    static final String RUNC_DIR = "/usr/local/sbin";
    /** Our unit for release binaries (upstream's place for it; a package's unit in /usr/lib has lower precedence). */
    static final String UNIT_PATH = "/usr/local/lib/systemd/system/" + UNIT;

    /** True when containerd, runc and the CNI plugins come from the OS packages rather than releases. */
    static boolean fromPackages(Inventory inventory) {
        return inventory.cluster().install().source(Component.CONTAINERD) == InstallSource.PACKAGES;
    }

    static ContainerdLayout of(OsFamily family) {
        return new ContainerdLayout(family == OsFamily.RHEL ? "/usr/libexec/cni" : "/usr/lib/cni");
    }

    static String hostsToml(String hostPort) {
        return CERTS_DIR + "/" + hostPort + "/hosts.toml";
    }
}
