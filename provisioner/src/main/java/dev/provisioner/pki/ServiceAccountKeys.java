package dev.provisioner.pki;

/** The service-account signing key pair as stored: {@code sa.key} (PKCS#8 PEM) and {@code sa.pub} (PEM). */
record ServiceAccountKeys(byte[] privateKeyPem, byte[] publicKeyPem) {
}
