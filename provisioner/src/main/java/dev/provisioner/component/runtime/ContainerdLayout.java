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
 * <p>Package names: Debian and Ubuntu ship {@code containerd}, {@code runc} and
 * {@code containernetworking-plugins}. The RHEL family (RHEL, Rocky, Alma 9) has no containerd in its
 * own repositories: the usual source is Docker's RPM repository, whose {@code containerd.io} bundles
 * runc (and conflicts with the {@code runc} package); the CNI plugins come from AppStream's
 * {@code containernetworking-plugins} in /usr/libexec/cni.
 *
 * @param packagedCniDir    where the OS package {@code containernetworking-plugins} installs the plugins
 * @param containerdPackage the package that brings containerd
 * @param packages          every runtime package to install
 */
record ContainerdLayout(String packagedCniDir, String containerdPackage, java.util.List<String> packages) {
    static final String UNIT = "containerd.service";
    static final String CONFIG = "/etc/containerd/config.toml";
    static final String CERTS_DIR = "/etc/containerd/certs.d";
    static final String CNI_BIN_DIR = "/opt/cni/bin";
    static final String CNI_CONF_DIR = "/etc/cni/net.d";
    /** Debian's and Ubuntu's containerd package. */
    static final String PACKAGE = "containerd";
    /** Docker's containerd package (RHEL family; also on Debian/Ubuntu hosts that use Docker's repository). */
    static final String DOCKER_PACKAGE = "containerd.io";
    static final ContainerdLayout DEBIAN = new ContainerdLayout("/usr/lib/cni", PACKAGE,
            java.util.List.of(PACKAGE, "runc", "containernetworking-plugins"));
    static final ContainerdLayout RHEL = new ContainerdLayout("/usr/libexec/cni", DOCKER_PACKAGE,
            java.util.List.of(DOCKER_PACKAGE, "containernetworking-plugins"));
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
        return family == OsFamily.RHEL ? RHEL : DEBIAN;
    }

    /** The containerd package a host has, from its facts: the family's own, or Docker's where that one is installed instead. */
    static String installedPackage(dev.provisioner.facts.HostFacts facts) {
        String own = of(facts.osFamily()).containerdPackage();
        return !facts.installed(own) && facts.installed(DOCKER_PACKAGE) ? DOCKER_PACKAGE : own;
    }

    static String hostsToml(String hostPort) {
        return CERTS_DIR + "/" + hostPort + "/hosts.toml";
    }
}
