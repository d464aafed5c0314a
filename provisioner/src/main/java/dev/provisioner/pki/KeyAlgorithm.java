package dev.provisioner.pki;

/**
 * Key type of the certificate authorities and the certificates they issue. The service-account key
 * pair is always RSA 2048 (the 2018 recipe's {@code openssl genrsa 2048}; tokens are signed RS256).
 */
enum KeyAlgorithm {
    /** ECDSA on NIST P-256, signed with SHA-256: the default; fast to generate, accepted by every component. */
    EC_P256,
    /** RSA 2048 signed with SHA-256, for environments that require RSA. */
    RSA_2048
}
