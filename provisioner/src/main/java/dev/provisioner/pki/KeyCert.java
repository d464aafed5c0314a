package dev.provisioner.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A certificate and its private key as parsed objects (the key parsed when first used: {@link ParsedKey}) and as the
 * exact PEM bytes stored on disk (so distribution and checksums see what the state directory holds).
 */
record KeyCert(String name, X509Certificate certificate, ParsedKey key, byte[] certificatePem, byte[] keyPem) {

    PrivateKey privateKey() {
        return key.get();
    }

    Credential credential() {
        return new Credential(name, certificatePem, keyPem);
    }
}
