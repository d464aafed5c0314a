package dev.provisioner.transport.jsch;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Judges a presented host key against known_hosts entries as parsed by JSch's own {@code KnownHosts}
 * (plain and hashed {@code |1|} names, {@code [host]:port} forms). JSch's {@link HostKeyRepository#check}
 * decides known versus changed; two things it does not do are added here from its parsed entries:
 * it ignores {@code @revoked}/{@code @cert-authority} markers (a revoked key would pass, a CA line
 * would look like a changed key), and it treats a host known only under other key types as new.
 */
final class KnownHostsVerdicts {
    private static final String REVOKED = "@revoked";

    private KnownHostsVerdicts() {
    }

    static HostKeyVerdict judge(HostKeyRepository repo, String host, byte[] key) {
        for (HostKey entry : repo.getHostKey()) {
            if (REVOKED.equals(entry.getMarker()) && MessageDigest.isEqual(HostKeys.blob(entry), key)) {
                return HostKeyVerdict.of(HostKeyVerdict.Status.REVOKED);
            }
        }
        if (repo.check(host, key) == HostKeyRepository.OK) {
            return HostKeyVerdict.of(HostKeyVerdict.Status.KNOWN);
        }
        List<HostKey> known = plainKeys(repo, host);
        String type = HostKeys.type(key);
        List<String> sameType = new ArrayList<>();
        List<String> otherTypes = new ArrayList<>();
        for (HostKey entry : known) {
            (entry.getType().equals(type) ? sameType : otherTypes).add(HostKeys.describe(entry));
        }
        if (!sameType.isEmpty()) {
            return new HostKeyVerdict(HostKeyVerdict.Status.CHANGED, sameType);
        }
        // A host known only under other key types counts as changed, not new: accepting a different
        // key type on first sight would let an impostor in through accept-new (as the sshj backend).
        return otherTypes.isEmpty() ? HostKeyVerdict.of(HostKeyVerdict.Status.UNKNOWN)
                : new HostKeyVerdict(HostKeyVerdict.Status.CHANGED, otherTypes);
    }

    /** The host's plain entries (no marker), in file order. */
    static List<HostKey> plainKeys(HostKeyRepository repo, String host) {
        return Arrays.stream(repo.getHostKey(host, null))
                .filter(k -> k.getMarker() == null || k.getMarker().isEmpty())
                .toList();
    }
}
