package dev.provisioner.lab;

import java.util.List;

/**
 * A running lab host.
 *
 * @param name      host name (also the container's hostname)
 * @param role      inventory role
 * @param container container name
 * @param address   the container's address on the Docker bridge; SSH listens on port 22
 * @param state     Docker's state ({@code running}, {@code exited}, ...)
 * @param hostKeys  the host's SSH public keys, {@code type base64} each
 */
public record LabHostInfo(String name, String role, String container, String address, String state, List<String> hostKeys) {
    public LabHostInfo {
        hostKeys = List.copyOf(hostKeys);
    }
}
