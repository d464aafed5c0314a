package dev.provisioner.component.kube;

import dev.provisioner.inventory.Versions;

import java.util.List;

/**
 * The Kubernetes versions whose flags and config kinds the templates are written for: 1.31 to 1.34
 * (K8S-REFERENCE.md documents these; 1.35 removes cgroup v1 support by default and
 * {@code --pod-infra-container-image}, which these templates do not use either, but it is not verified).
 * The default is {@link dev.provisioner.inventory.Versions#KUBERNETES}.
 */
final class KubeVersions {
    /** Supported minor versions of 1.x, oldest first. */
    public static final List<Integer> SUPPORTED_MINORS = Versions.SUPPORTED_KUBERNETES_MINORS;

    private KubeVersions() {
    }

    /**
     * @throws IllegalArgumentException naming the supported versions when {@code version} is not 1.31.x-1.34.x
     */
    public static String requireSupported(String version) {
        if (!Versions.supportedKubernetes(version)) {
            throw new IllegalArgumentException("Kubernetes " + version + " is not supported: the kube templates are written for 1."
                    + SUPPORTED_MINORS.get(0) + " to 1." + SUPPORTED_MINORS.get(SUPPORTED_MINORS.size() - 1)
                    + " (set cluster.versions.kubernetes, e.g. \"1.34.0\")");
        }
        return version;
    }
}
