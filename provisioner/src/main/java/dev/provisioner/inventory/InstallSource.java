package dev.provisioner.inventory;

/** Where a component's software comes from. */
public enum InstallSource {
    /** The host's OS packages (apt/yum); the version is whatever the distribution ships. */
    PACKAGES,
    /** Upstream release binaries downloaded with checksum verification (the default). */
    BINARIES,
    /** Files from {@code cluster.install.artifactsDir} on the controller, uploaded to the hosts (air-gapped). */
    ARTIFACTS
}
