package dev.provisioner.pki;

import java.util.Objects;

/**
 * What an ensure did with one certificate or key.
 *
 * @param name    the certificate's name (see {@link CertificateStatus#name()}); {@code sa} for the service-account key pair
 * @param outcome created, reused or reissued
 * @param detail  why, for a reissue: e.g. {@code SANs changed: +DNS:master2, +IP:10.4.4.9}; empty otherwise
 */
public record PkiChange(String name, Outcome outcome, String detail) {
    public PkiChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }

    /** The three things that can happen to a certificate. */
    public enum Outcome {
        /** Nothing was there: a new key and certificate were made. */
        CREATED,
        /** The stored files match the inventory and are valid: left byte-for-byte untouched. */
        REUSED,
        /** The stored certificate no longer matched (names, usages, expiry) or a part was missing: issued again by the same CA. */
        REISSUED
    }

    /** {@code name: outcome (detail)}. */
    public String format() {
        return name + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT) + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
