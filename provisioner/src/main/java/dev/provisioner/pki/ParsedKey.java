package dev.provisioner.pki;

import java.security.PrivateKey;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A private key read from the state directory when it is first needed: to sign (a CA that issues a certificate), to
 * derive a public key or to prove a pair that {@link VerifiedPairs} does not know. A converged cluster's run needs
 * none of them, and parsing the CA's and every leaf's key cost a fresh JVM tens of milliseconds on the main thread
 * before any host is contacted. Parsed at most once; a key that cannot be parsed fails where it is needed, with the
 * same {@link PkiException} as before.
 */
final class ParsedKey implements Supplier<PrivateKey> {
    private final byte[] pem;
    private final String what;
    private PrivateKey key;

    private ParsedKey(byte[] pem, String what, PrivateKey key) {
        this.pem = pem;
        this.what = what;
        this.key = key;
    }

    /** The key in {@code pem} (from the file {@code what}), parsed on first use. */
    static ParsedKey of(byte[] pem, String what) {
        return new ParsedKey(Objects.requireNonNull(pem, "pem"), what, null);
    }

    /** A key that is already parsed (just generated). */
    static ParsedKey of(PrivateKey key) {
        return new ParsedKey(null, null, Objects.requireNonNull(key, "key"));
    }

    /** Whether the key was parsed (or given parsed) already. */
    synchronized boolean parsed() {
        return key != null;
    }

    @Override
    public synchronized PrivateKey get() {
        if (key == null) {
            key = Pem.readPrivateKey(pem, what);
        }
        return key;
    }
}
