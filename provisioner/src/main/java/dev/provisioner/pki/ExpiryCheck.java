package dev.provisioner.pki;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/** Expiry status of one certificate at a given instant. */
final class ExpiryCheck {
    private ExpiryCheck() {
    }

    static CertificateStatus of(String name, X509Certificate cert, Instant now, Duration renewBefore) {
        Instant notAfter = cert.getNotAfter().toInstant();
        long daysLeft = Math.floorDiv(Duration.between(now, notAfter).getSeconds(), 86_400L);
        ExpiryStatus status = !notAfter.isAfter(now) ? ExpiryStatus.EXPIRED
                : !notAfter.isAfter(now.plus(renewBefore)) ? ExpiryStatus.EXPIRING : ExpiryStatus.OK;
        return new CertificateStatus(name, CertificateFacts.subject(cert),
                CertificateFacts.sans(cert).stream().map(San::toString).toList(), notAfter, daysLeft, status);
    }
}
