package dev.provisioner.transport.jsch;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;

import dev.provisioner.transport.HostKeyException;
import dev.provisioner.transport.HostKeyPolicy;
import dev.provisioner.transport.SecretMasker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * The host-key decision for ONE session, plugged into JSch as its {@link HostKeyRepository}. JSch
 * calls {@link #check} after key exchange and before authentication; with StrictHostKeyChecking=yes
 * anything but OK aborts the handshake. The gate remembers the presented key and why it refused, so
 * the caller can raise a {@link HostKeyException} naming both fingerprints instead of JSch's terse
 * message. The host name JSch passes is ignored: the gate knows its endpoint's known_hosts name.
 * The file itself is read and matched by JSch's own {@code KnownHosts} (see {@link KnownHostsFile}).
 */
final class HostKeyGate implements HostKeyRepository {
    private static final Logger LOG = LoggerFactory.getLogger(HostKeyGate.class);

    private final String hostName;
    private final String knownHostsName;
    private final HostKeyPolicy policy;
    private final KnownHostsFile knownHosts;
    private final SecretMasker masker;
    private volatile byte[] presented;
    private volatile HostKeyException refusal;

    HostKeyGate(String hostName, String knownHostsName, HostKeyPolicy policy, KnownHostsFile knownHosts,
                SecretMasker masker) {
        this.hostName = hostName;
        this.masker = masker;
        this.knownHostsName = knownHostsName;
        this.policy = policy;
        this.knownHosts = knownHosts;
    }

    @Override
    public int check(String host, byte[] key) {
        presented = key.clone();
        String fp = HostKeys.type(key) + " " + HostKeys.fingerprint(key);
        if (policy == HostKeyPolicy.INSECURE_ACCEPT_ANY) {
            LOG.warn("{}: host key checking is DISABLED (INSECURE_ACCEPT_ANY); accepting {} for {} unverified",
                    hostName, fp, knownHostsName);
            return OK;
        }
        HostKeyVerdict verdict;
        try {
            verdict = knownHosts.check(knownHostsName, key);
            if (verdict.status() == HostKeyVerdict.Status.UNKNOWN && policy == HostKeyPolicy.ACCEPT_NEW) {
                verdict = knownHosts.recordIfUnknown(knownHostsName, key);
                if (verdict.status() == HostKeyVerdict.Status.UNKNOWN) {
                    LOG.info("{}: recorded new host key {} for {} in {}", hostName, fp, knownHostsName, knownHosts.path());
                    return OK;
                }
            }
        } catch (IOException e) {
            return refuse(NOT_INCLUDED, "cannot check host key " + fp + " of " + knownHostsName + " against "
                    + knownHosts.path() + ": " + e.getMessage());
        }
        return switch (verdict.status()) {
            case KNOWN -> OK;
            case UNKNOWN -> refuse(NOT_INCLUDED, "host key of " + knownHostsName + " (" + fp + ") is not in "
                    + knownHosts.path() + " and host-key checking is strict; add it (ssh-keyscan) or use accept-new");
            case CHANGED -> refuse(CHANGED, "HOST KEY CHANGED for " + knownHostsName + ": " + knownHosts.path()
                    + " expects " + String.join(", ", verdict.expected()) + " but the host presented " + fp
                    + "; refusing before authentication (possible man-in-the-middle). If the change is expected,"
                    + " run ssh-keygen -R '" + knownHostsName + "' -f " + knownHosts.path());
            case REVOKED -> refuse(CHANGED, "host key " + fp + " of " + knownHostsName + " is marked @revoked in "
                    + knownHosts.path());
        };
    }

    private int refuse(int code, String message) {
        refusal = new HostKeyException(hostName, masker.mask(message));
        return code;
    }

    /** Why the last check refused the key, or null. */
    HostKeyException refusal() {
        return refusal;
    }

    /** The key the server presented, or null before key exchange. */
    byte[] presented() {
        byte[] key = presented;
        return key == null ? null : key.clone();
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // Recording is done by check() under ACCEPT_NEW; JSch never needs to add with StrictHostKeyChecking=yes.
    }

    @Override
    public void remove(String host, String type) {
        // known_hosts is never edited by the transport except to record new hosts.
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // see remove(String, String)
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHosts.path().toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return getHostKey(knownHostsName, null);
    }

    /** Keys known for this endpoint; JSch uses them to propose the known key types first. */
    @Override
    public HostKey[] getHostKey(String host, String type) {
        if (policy == HostKeyPolicy.INSECURE_ACCEPT_ANY) {
            return new HostKey[0];
        }
        List<HostKey> known;
        try {
            known = knownHosts.keysFor(knownHostsName);
        } catch (IOException e) {
            return new HostKey[0]; // check() reports the unreadable file
        }
        return known.stream().filter(k -> type == null || k.getType().equals(type)).toArray(HostKey[]::new);
    }
}
