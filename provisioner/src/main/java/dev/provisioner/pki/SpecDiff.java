package dev.provisioner.pki;

import org.bouncycastle.asn1.x509.KeyUsage;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The differences between what a leaf certificate must say ({@link CertSpec}) and what a stored one
 * says; empty when it can be reused. Each difference is a short human phrase for the report.
 */
final class SpecDiff {
    private SpecDiff() {
    }

    static List<String> between(CertSpec spec, X509Certificate cert) {
        List<String> diffs = new ArrayList<>();
        String cn = CertificateFacts.commonName(cert);
        if (!cn.equals(spec.commonName())) {
            diffs.add("CN " + cn + " -> " + spec.commonName());
        }
        if (!new HashSet<>(CertificateFacts.organizations(cert)).equals(new HashSet<>(spec.organizations()))) {
            diffs.add("O " + CertificateFacts.organizations(cert) + " -> " + spec.organizations());
        }
        Set<San> have = new TreeSet<>(CertificateFacts.sans(cert));
        Set<San> want = new TreeSet<>(spec.sans());
        if (!have.equals(want)) {
            List<String> delta = new ArrayList<>();
            want.stream().filter(s -> !have.contains(s)).forEach(s -> delta.add("+" + s));
            have.stream().filter(s -> !want.contains(s)).forEach(s -> delta.add("-" + s));
            diffs.add("SANs changed: " + String.join(", ", delta));
        }
        if (CertificateFacts.serverAuth(cert) != spec.usage().serverAuth
                || CertificateFacts.clientAuth(cert) != spec.usage().clientAuth) {
            diffs.add("extended key usage is not " + spec.usage().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        if (CertificateFacts.isCa(cert)) {
            diffs.add("is a CA certificate");
        }
        if (!keyUsageMatches(cert)) {
            diffs.add("key usage differs");
        }
        return diffs;
    }

    private static boolean keyUsageMatches(X509Certificate cert) {
        boolean[] ku = cert.getKeyUsage();
        if (ku == null) {
            return false;
        }
        int expected = CertificateIssuer.expectedKeyUsage(cert.getPublicKey());
        return ku[0] == ((expected & KeyUsage.digitalSignature) != 0)
                && ku[2] == ((expected & KeyUsage.keyEncipherment) != 0)
                && (ku.length <= 5 || !ku[5]);
    }
}
