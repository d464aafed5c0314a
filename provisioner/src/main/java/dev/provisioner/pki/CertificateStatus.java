package dev.provisioner.pki;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Expiry of one certificate in the state directory, as {@code provisioner certs check} prints it.
 *
 * @param name     the certificate's name: its path under {@code <state>/pki} without {@code .crt}, e.g.
 *                 {@code apiserver}, {@code etcd/ca}, {@code kubelet/node01/client}
 * @param subject  the subject DN in RFC 2253 form, e.g. {@code CN=system:node:node01,O=system:nodes}
 * @param sans     subject alternative names as {@code DNS:name} / {@code IP:address}
 * @param notAfter end of validity
 * @param daysLeft whole days until {@code notAfter}; negative once expired
 * @param status   OK, EXPIRING or EXPIRED
 */
public record CertificateStatus(String name, String subject, List<String> sans, Instant notAfter, long daysLeft,
                                ExpiryStatus status) {
    public CertificateStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(status, "status");
        sans = List.copyOf(sans);
    }
}
