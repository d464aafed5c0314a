package dev.provisioner.component.runtime;

import dev.provisioner.pki.HostPaths;

import java.util.Objects;

/**
 * Choices of the {@value ContainerRuntimePhase#TITLE} phase that the inventory does not carry.
 *
 * @param sandboxImage the pause image containerd pins for pod sandboxes (kubelet 1.35 dropped
 *                     {@code --pod-infra-container-image}; containerd sets it now)
 * @param caPath       the cluster CA on nodes that registry trust points at (the pki phase puts it there)
 */
public record RuntimeOptions(String sandboxImage, String caPath) {
    /** The pause image kubeadm pairs with Kubernetes 1.34. */
    public static final String SANDBOX_IMAGE = "registry.k8s.io/pause:3.10.1";

    public RuntimeOptions {
        Objects.requireNonNull(sandboxImage, "sandboxImage");
        Objects.requireNonNull(caPath, "caPath");
        if (!caPath.startsWith("/")) {
            throw new IllegalArgumentException("caPath must be absolute: " + caPath);
        }
    }

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(SANDBOX_IMAGE, HostPaths.CA_CERT);
    }

    public RuntimeOptions withSandboxImage(String image) {
        return new RuntimeOptions(image, caPath);
    }
}
