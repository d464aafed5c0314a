package dev.provisioner.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A certificate and its private key as parsed objects, each parsed when first used ({@link ParsedCert},
 * {@link ParsedKey}), and as the exact PEM bytes stored on disk (so distribution and checksums see what the state
 * directory holds).
 */
record KeyCert(String name, ParsedCert parsedCertificate, ParsedKey key, byte[] certificatePem, byte[] keyPem) {

    KeyCert(String name, X509Certificate certificate, ParsedKey key, byte[] certificatePem, byte[] keyPem) {
        this(name, certificate == null ? null : ParsedCert.of(certificate), key, certificatePem, keyPem);
    }

    X509Certificate certificate() {
        return parsedCertificate.get();
    }

    PrivateKey privateKey() {
        return key.get();
    }

    Credential credential() {
        return new Credential(name, certificatePem, keyPem);
    }
}
