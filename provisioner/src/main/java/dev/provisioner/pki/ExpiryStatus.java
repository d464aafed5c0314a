package dev.provisioner.pki;

/** Where a certificate stands relative to its expiry date. */
public enum ExpiryStatus {
    /** Valid for longer than {@link PkiOptions#renewBefore()}. */
    OK,
    /** Still valid, but expires within {@link PkiOptions#renewBefore()}; the next ensure renews a leaf certificate. */
    EXPIRING,
    /** Past its notAfter date. */
    EXPIRED
}
