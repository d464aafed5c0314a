package dev.provisioner.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings shared by every connection of a run.
 *
 * @param knownHosts       OpenSSH known_hosts file (hashed entries are understood)
 * @param hostKeyPolicy    strict by default
 * @param connectTimeout   TCP connect + SSH handshake limit
 * @param keepAlive        interval of SSH keep-alive messages; a dead peer is noticed after a few missed ones
 * @param connectAttempts  attempts for a connection that fails to establish (never for auth or host-key failures)
 * @param retryBackoff     wait before the second attempt; doubled for each further one
 * @param masker           secrets to mask in every message
 */
public record TransportOptions(Path knownHosts, HostKeyPolicy hostKeyPolicy, Duration connectTimeout,
                               Duration keepAlive, int connectAttempts, Duration retryBackoff, SecretMasker masker) {
    public TransportOptions {
        Objects.requireNonNull(knownHosts, "knownHosts");
        hostKeyPolicy = hostKeyPolicy == null ? HostKeyPolicy.STRICT : hostKeyPolicy;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(15) : connectTimeout;
        keepAlive = keepAlive == null ? Duration.ofSeconds(10) : keepAlive;
        connectAttempts = Math.max(1, connectAttempts);
        retryBackoff = retryBackoff == null ? Duration.ofMillis(500) : retryBackoff;
        masker = masker == null ? new SecretMasker() : masker;
    }

    /** Strict host-key checking against {@code ~/.ssh/known_hosts}, three connect attempts. */
    public static TransportOptions defaults() {
        return of(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"), HostKeyPolicy.STRICT);
    }

    public static TransportOptions of(Path knownHosts, HostKeyPolicy policy) {
        return new TransportOptions(knownHosts, policy, null, null, 3, null, new SecretMasker());
    }

    public TransportOptions withConnectTimeout(Duration timeout) {
        return new TransportOptions(knownHosts, hostKeyPolicy, timeout, keepAlive, connectAttempts, retryBackoff, masker);
    }

    public TransportOptions withKeepAlive(Duration interval) {
        return new TransportOptions(knownHosts, hostKeyPolicy, connectTimeout, interval, connectAttempts, retryBackoff, masker);
    }

    public TransportOptions withRetry(int attempts, Duration backoff) {
        return new TransportOptions(knownHosts, hostKeyPolicy, connectTimeout, keepAlive, attempts, backoff, masker);
    }

    public TransportOptions withMasker(SecretMasker newMasker) {
        return new TransportOptions(knownHosts, hostKeyPolicy, connectTimeout, keepAlive, connectAttempts, retryBackoff, newMasker);
    }
}
