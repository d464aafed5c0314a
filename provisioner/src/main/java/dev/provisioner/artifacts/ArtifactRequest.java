package dev.provisioner.artifacts;

import java.util.Objects;

/**
 * One release file wanted on the controller.
 *
 * @param component catalogue component name, e.g. {@code etcd}, {@code kubelet}
 * @param version   version without a leading {@code v} (one written is dropped)
 * @param arch      target architecture of the hosts
 */
public record ArtifactRequest(String component, String version, Arch arch) {
    public ArtifactRequest {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(arch, "arch");
        version = version.startsWith("v") ? version.substring(1) : version;
    }

    @Override
    public String toString() {
        return component + " " + version + " (" + arch + ")";
    }
}
