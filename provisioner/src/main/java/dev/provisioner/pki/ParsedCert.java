package dev.provisioner.pki;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A certificate read from the state directory when it is first needed: to sign with (a CA that issues a certificate),
 * to check a pair or an issuer that {@link VerifiedPairs} does not know, or to compare it with its spec when
 * {@link VerifiedPairs} holds no verdict for exactly these bytes. A converged cluster's run needs none of them, and
 * parsing every certificate of the inventory cost a fresh JVM tens of milliseconds on the main thread before any host
 * is contacted. Parsed at most once; a certificate that cannot be parsed fails where it is needed, with the same
 * {@link PkiException} as before.
 */
final class ParsedCert implements Supplier<X509Certificate> {
    private final byte[] pem;
    private final String what;
    private X509Certificate cert;

    private ParsedCert(byte[] pem, String what, X509Certificate cert) {
        this.pem = pem;
        this.what = what;
        this.cert = cert;
    }

    /** The certificate in {@code pem} (from the file {@code what}), parsed on first use. */
    static ParsedCert of(byte[] pem, String what) {
        return new ParsedCert(Objects.requireNonNull(pem, "pem"), what, null);
    }

    /** A certificate that is already parsed (just issued, or read to be checked). */
    static ParsedCert of(X509Certificate cert) {
        return new ParsedCert(null, null, cert);
    }

    /** Whether the certificate was parsed (or given parsed) already. */
    synchronized boolean parsed() {
        return cert != null;
    }

    @Override
    public synchronized X509Certificate get() {
        if (cert == null) {
            cert = Pem.readCertificate(pem, what);
        }
        return cert;
    }
}
