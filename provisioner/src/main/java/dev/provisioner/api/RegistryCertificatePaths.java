package dev.provisioner.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the registry's own TLS material lies ON the registry host, for an embedder that places its own
 * certificate there ({@link Provisioner.Builder#registryCertificate}).
 *
 * @param certificatePath PEM certificate (chain) of the registry
 * @param keyPath         PEM private key
 * @param caPath          CA certificate the registry's health probe trusts, if any
 * @since 0.1
 */
public record RegistryCertificatePaths(String certificatePath, String keyPath, Optional<String> caPath) {
    public RegistryCertificatePaths {
        Objects.requireNonNull(certificatePath, "certificatePath");
        Objects.requireNonNull(keyPath, "keyPath");
        caPath = caPath == null ? Optional.empty() : caPath;
    }
}
