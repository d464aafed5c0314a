package dev.provisioner.pki;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * An application certificate written by {@link ClusterPki#issueServing}.
 *
 * @param change        created, reused (the stored one still fits) or reissued
 * @param certificate   the certificate file (0644)
 * @param privateKey    the private key file (0600)
 * @param caCertificate the cluster CA certificate that verifies it (for {@code curl --cacert})
 * @param sans          its subject alternative names ({@code DNS:...}, {@code IP:...})
 * @param notAfter      end of validity
 */
public record AppCertificate(PkiChange change, Path certificate, Path privateKey, Path caCertificate, List<String> sans,
                             Instant notAfter) {
    public AppCertificate {
        sans = List.copyOf(sans);
    }
}
