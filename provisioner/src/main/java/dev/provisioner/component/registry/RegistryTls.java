package dev.provisioner.component.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * The registry's TLS material, as paths ON the registry host. This is the seam for the PKI
 * component: it distributes the certificate and key (signed by the cluster CA) and passes their
 * paths here; the registry then serves HTTPS and its health probe trusts {@code caPath}. Until PKI
 * is wired in, the standard plan passes none and the registry serves plain HTTP.
 *
 * @param certificatePath PEM certificate (chain) of the registry
 * @param keyPath         PEM private key
 * @param caPath          CA certificate the health probe trusts, if any
 */
public record RegistryTls(String certificatePath, String keyPath, Optional<String> caPath) {
    public RegistryTls {
        Objects.requireNonNull(certificatePath, "certificatePath");
        Objects.requireNonNull(keyPath, "keyPath");
        caPath = caPath == null ? Optional.empty() : caPath;
    }
}
