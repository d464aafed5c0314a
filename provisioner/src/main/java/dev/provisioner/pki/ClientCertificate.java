package dev.provisioner.pki;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A client certificate issued in memory (nothing is written to the state directory), with the CA
 * that verifies it and the server that presents it.
 *
 * @param credential the certificate and its private key
 * @param caPem      the cluster CA certificate (PEM)
 * @param notAfter   when the certificate expires
 */
public record ClientCertificate(Credential credential, byte[] caPem, Instant notAfter) {
    public ClientCertificate {
        Objects.requireNonNull(credential, "credential");
        caPem = caPem.clone();
        Objects.requireNonNull(notAfter, "notAfter");
    }

    @Override
    public byte[] caPem() {
        return caPem.clone();
    }

    /**
     * Writes {@code content} (text that embeds this certificate's private key) to {@code file}: created
     * 0600 in a temporary file beside it, synced, renamed over it; missing folders are created 0700.
     * A reader never sees a partial file, and the key is never readable by others, not even briefly.
     */
    public static void writePrivate(Path file, byte[] content) {
        AtomicFiles.write(file, content, AtomicFiles.KEY_MODE);
    }
}
