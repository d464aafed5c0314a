package dev.provisioner.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A private key or certificate read from the state directory, parsed when it is first needed: a key to sign (a CA
 * that issues a certificate), to derive a public key or to prove a pair that {@link VerifiedPairs} does not know; a
 * certificate to sign with, to check a pair or an issuer, or to compare it with its spec when {@link VerifiedPairs}
 * holds no verdict for exactly these bytes. A converged cluster's run needs none of them, and parsing the CA's and
 * every leaf's key and certificate cost a fresh JVM tens of milliseconds on the main thread before any host is
 * contacted. Parsed at most once; what cannot be parsed fails where it is needed, with the same {@link PkiException}
 * as before.
 *
 * @param <T> {@link PrivateKey} or {@link X509Certificate}
 */
final class ParsedPem<T> implements Supplier<T> {
    private final byte[] pem;
    private final String what;
    private final BiFunction<byte[], String, T> parser;
    private T value;

    private ParsedPem(byte[] pem, String what, BiFunction<byte[], String, T> parser, T value) {
        this.pem = pem;
        this.what = what;
        this.parser = parser;
        this.value = value;
    }

    /** The private key in {@code pem} (from the file {@code what}), parsed on first use. */
    static ParsedPem<PrivateKey> key(byte[] pem, String what) {
        return new ParsedPem<>(Objects.requireNonNull(pem, "pem"), what, Pem::readPrivateKey, null);
    }

    /** The certificate in {@code pem} (from the file {@code what}), parsed on first use. */
    static ParsedPem<X509Certificate> certificate(byte[] pem, String what) {
        return new ParsedPem<>(Objects.requireNonNull(pem, "pem"), what, Pem::readCertificate, null);
    }

    /** What is parsed already (just generated or issued, or read to be checked). */
    static <T> ParsedPem<T> of(T value) {
        return new ParsedPem<>(null, null, null, Objects.requireNonNull(value, "value"));
    }

    /** Whether it was parsed (or given parsed) already. */
    synchronized boolean parsed() {
        return value != null;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = parser.apply(pem, what);
        }
        return value;
    }
}
