package dev.provisioner.pki;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A certificate with its private key, as PEM, e.g. to embed in a kubeconfig
 * ({@code client-certificate-data} / {@code client-key-data} are their Base64).
 *
 * @param name           the certificate's name in the state directory, e.g. {@code admin}
 * @param certificatePem the certificate (PEM)
 * @param privateKeyPem  its private key (PKCS#8 PEM)
 */
public record Credential(String name, byte[] certificatePem, byte[] privateKeyPem) {
    public Credential {
        Objects.requireNonNull(name, "name");
        certificatePem = certificatePem.clone();
        privateKeyPem = privateKeyPem.clone();
    }

    @Override
    public byte[] certificatePem() {
        return certificatePem.clone();
    }

    @Override
    public byte[] privateKeyPem() {
        return privateKeyPem.clone();
    }

    /** The certificate as text. */
    public String certificateText() {
        return new String(certificatePem, StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credential c && c.name.equals(name) && Arrays.equals(c.certificatePem, certificatePem)
                && Arrays.equals(c.privateKeyPem, privateKeyPem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(certificatePem), Arrays.hashCode(privateKeyPem));
    }

    @Override
    public String toString() {
        return "Credential[" + name + "]";
    }
}
