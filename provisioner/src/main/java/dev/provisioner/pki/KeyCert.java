package dev.provisioner.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A certificate and its private key as parsed objects, each parsed when first used ({@link ParsedPem}), and as the
 * exact PEM bytes stored on disk (so distribution and checksums see what the state directory holds).
 */
record KeyCert(String name, ParsedPem<X509Certificate> parsedCertificate, ParsedPem<PrivateKey> key, byte[] certificatePem,
               byte[] keyPem) {

    KeyCert(String name, X509Certificate certificate, ParsedPem<PrivateKey> key, byte[] certificatePem, byte[] keyPem) {
        this(name, certificate == null ? null : ParsedPem.of(certificate), key, certificatePem, keyPem);
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
