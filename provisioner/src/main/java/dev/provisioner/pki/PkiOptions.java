package dev.provisioner.pki;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How certificates are issued and judged.
 *
 * @param caValidity   lifetime of a new CA (default 10 years)
 * @param leafValidity lifetime of a new leaf certificate (default 1 year), never beyond its CA's
 * @param renewBefore  a certificate expiring within this window is {@link ExpiryStatus#EXPIRING} and an
 *                     ensure renews it if it is a leaf (default 30 days); must be shorter than {@code leafValidity}
 * @param keyAlgorithm key type of new CAs and leaf certificates (default {@link KeyAlgorithm#EC_P256})
 * @param clock        the time source; tests inject a fixed clock
 */
public record PkiOptions(Duration caValidity, Duration leafValidity, Duration renewBefore, KeyAlgorithm keyAlgorithm,
                         Clock clock) {
    /** Ten years (3650 days). */
    public static final Duration DEFAULT_CA_VALIDITY = Duration.ofDays(3650);
    /** One year (365 days). */
    public static final Duration DEFAULT_LEAF_VALIDITY = Duration.ofDays(365);
    /** Thirty days. */
    public static final Duration DEFAULT_RENEW_BEFORE = Duration.ofDays(30);

    public PkiOptions {
        Objects.requireNonNull(caValidity, "caValidity");
        Objects.requireNonNull(leafValidity, "leafValidity");
        Objects.requireNonNull(renewBefore, "renewBefore");
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        Objects.requireNonNull(clock, "clock");
        if (leafValidity.isNegative() || leafValidity.isZero() || renewBefore.isNegative()) {
            throw new IllegalArgumentException("leafValidity must be positive and renewBefore not negative");
        }
        if (renewBefore.compareTo(leafValidity) >= 0) {
            throw new IllegalArgumentException("renewBefore (" + renewBefore.toDays() + " days) must be shorter than "
                    + "leafValidity (" + leafValidity.toDays() + " days), or every run would renew every certificate");
        }
        if (caValidity.compareTo(leafValidity) < 0) {
            throw new IllegalArgumentException("caValidity must be at least leafValidity");
        }
    }

    /** 10-year CAs, 1-year leaves, renewal 30 days before expiry, ECDSA P-256, the system clock (UTC). */
    public static PkiOptions defaults() {
        return new PkiOptions(DEFAULT_CA_VALIDITY, DEFAULT_LEAF_VALIDITY, DEFAULT_RENEW_BEFORE, KeyAlgorithm.EC_P256,
                Clock.systemUTC());
    }

    /** These options with another CA lifetime. */
    public PkiOptions withCaValidity(Duration d) {
        return new PkiOptions(d, leafValidity, renewBefore, keyAlgorithm, clock);
    }

    /** These options with another leaf lifetime. */
    public PkiOptions withLeafValidity(Duration d) {
        return new PkiOptions(caValidity, d, renewBefore, keyAlgorithm, clock);
    }

    /** These options with another renewal window. */
    public PkiOptions withRenewBefore(Duration d) {
        return new PkiOptions(caValidity, leafValidity, d, keyAlgorithm, clock);
    }

    /** These options with another key type for new keys (existing keys are kept). */
    public PkiOptions withKeyAlgorithm(KeyAlgorithm a) {
        return new PkiOptions(caValidity, leafValidity, renewBefore, a, clock);
    }

    /** These options with another time source. */
    public PkiOptions withClock(Clock c) {
        return new PkiOptions(caValidity, leafValidity, renewBefore, keyAlgorithm, c);
    }
}
