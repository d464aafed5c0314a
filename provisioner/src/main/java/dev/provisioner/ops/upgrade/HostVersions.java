package dev.provisioner.ops.upgrade;

import dev.provisioner.component.InstalledVersions;

import java.util.Map;
import java.util.Optional;

/**
 * What one host has installed, as far as {@code upgrade} is concerned.
 *
 * @param host      inventory name
 * @param master    runs the control plane
 * @param node      runs kubelet
 * @param inRun     this upgrade works on it (not left out by {@code --limit})
 * @param installed component to version, from {@link InstalledVersions}
 */
record HostVersions(String host, boolean master, boolean node, boolean inRun, Map<String, String> installed) {
    public HostVersions {
        installed = Map.copyOf(installed);
    }

    public Optional<SemVer> version(String component) {
        return Optional.ofNullable(installed.get(component)).map(SemVer::parse);
    }
}
