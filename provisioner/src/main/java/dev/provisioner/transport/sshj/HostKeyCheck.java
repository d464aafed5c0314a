package dev.provisioner.transport.sshj;

import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.HostKeyPolicy;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.PublicKey;
import java.util.List;

/**
 * Checks the key a server presents during key exchange, before any credential is sent. One
 * instance per connection attempt: it remembers why it refused, so the caller can raise a
 * {@code HostKeyException} (never retried) instead of a generic connection failure.
 */
final class HostKeyCheck implements HostKeyVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(HostKeyCheck.class);

    private final Endpoint endpoint;
    private final HostKeyPolicy policy;
    private final KnownHostsStore store;
    private volatile String refusal;
    private volatile String presented;

    HostKeyCheck(Endpoint endpoint, HostKeyPolicy policy, KnownHostsStore store) {
        this.endpoint = endpoint;
        this.policy = policy;
        this.store = store;
    }

    /** Why the key was refused, or null when it was not. */
    String refusal() {
        return refusal;
    }

    /** SHA-256 fingerprint of the key the server presented, once it has. */
    String presentedFingerprint() {
        return presented;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        String fingerprint = Fingerprints.of(key);
        presented = fingerprint;
        String name = KnownHostsStore.entryName(hostname, port);
        if (policy == HostKeyPolicy.INSECURE_ACCEPT_ANY) {
            LOG.warn("{}: host key of {} NOT verified (host-key policy insecure-accept-any); it presented {} {}",
                    endpoint.name(), name, KeyType.fromKey(key), fingerprint);
            return true;
        }
        try {
            KnownHostsStore.Lookup lookup = store.lookup(hostname, port, key);
            if (lookup.verdict() == KnownHostsStore.Verdict.UNKNOWN && policy == HostKeyPolicy.ACCEPT_NEW) {
                lookup = store.recordIfUnknown(hostname, port, key);
                if (lookup.verdict() == KnownHostsStore.Verdict.UNKNOWN) {
                    LOG.info("{}: recorded new host key of {} in {}: {} {}", endpoint.name(), name, store.file(),
                            KeyType.fromKey(key), fingerprint);
                    return true;
                }
            }
            switch (lookup.verdict()) {
                case MATCH:
                    return true;
                case CHANGED:
                    refusal = changed(name, key, fingerprint, lookup.expectedFingerprints());
                    return false;
                default:
                    refusal = "host key of " + name + " is not in " + store.file() + " (strict host-key checking);"
                            + " the server presented " + KeyType.fromKey(key) + " " + fingerprint
                            + ". Add the host to known_hosts (ssh-keyscan), or connect once with host-key policy accept-new";
                    return false;
            }
        } catch (IOException | RuntimeException e) {
            refusal = "cannot check the host key of " + name + " against " + store.file() + ": " + e.getMessage();
            return false;
        }
    }

    private String changed(String name, PublicKey key, String fingerprint, List<String> expected) {
        return "REMOTE HOST KEY HAS CHANGED for " + name + ": " + store.file() + " expects "
                + String.join(" or ", expected) + " but the server presented " + KeyType.fromKey(key) + " "
                + fingerprint + ". Refused before authentication; someone may be intercepting the connection."
                + " If the host was reinstalled, remove the old entry: ssh-keygen -R '" + name + "' -f " + store.file();
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return policy == HostKeyPolicy.INSECURE_ACCEPT_ANY ? List.of() : store.knownAlgorithms(hostname, port);
    }
}
