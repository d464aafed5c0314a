package dev.provisioner.api;

import java.time.Instant;
import java.util.Optional;

/**
 * The certificate one host serves on one port, as {@link Provisioner#servedCertificates()} read it there.
 *
 * @param host        inventory name
 * @param port        6443, 2379, 2380, 10250 or 5000; 0 for a host that could not be asked
 * @param listening   whether a TLS server answered on the port
 * @param subject     the certificate's subject ("" when not listening)
 * @param notAfter    its expiry
 * @param sha256      its SHA-256 fingerprint ("" when not listening)
 * @param matchesState whether it is one of the state directory's certificates (false: stale or foreign)
 * @param error       why the host could not be asked ("" when it was)
 * @since 0.1
 */
public record ServedCertificate(String host, int port, boolean listening, String subject, Optional<Instant> notAfter,
                                String sha256, boolean matchesState, String error) {
}
