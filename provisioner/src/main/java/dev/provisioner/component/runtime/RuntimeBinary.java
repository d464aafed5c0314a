package dev.provisioner.component.runtime;

/**
 * One program of the container runtime release, installed on a node (0755 root).
 *
 * @param component catalogue component ({@code containerd}, {@code runc}, {@code cni-plugins})
 * @param name      the binary's name in the release ({@code containerd-shim-runc-v2})
 * @param path      where it is installed
 */
public record RuntimeBinary(String component, String name, String path) {
}
