package dev.provisioner.transport.sshj;

import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An OpenSSH known_hosts file (plain and hashed entries), read afresh for every look-up so that
 * entries recorded by other connections are seen, and appended to under a lock for accept-new.
 */
final class KnownHostsStore {
    private final Path file;
    private final Object appendLock = new Object();

    KnownHostsStore(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** What the file says about a presented key. */
    record Lookup(Verdict verdict, List<String> expectedFingerprints) {
    }

    enum Verdict { MATCH, CHANGED, UNKNOWN }

    /** The name OpenSSH writes for a host: the bare name on port 22, {@code [host]:port} otherwise. */
    static String entryName(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    Lookup lookup(String host, int port, PublicKey key) throws IOException {
        String name = entryName(host, port);
        KeyType type = KeyType.fromKey(key);
        List<String> sameType = new ArrayList<>();
        List<String> otherTypes = new ArrayList<>();
        for (OpenSSHKnownHosts.KnownHostEntry e : load().entries()) {
            if (e.appliesTo(type, name)) {
                if (e.verify(key)) {
                    return new Lookup(Verdict.MATCH, List.of());
                }
                sameType.add(Fingerprints.ofKnownHostsLine(e.getLine()));
            } else if (e.appliesTo(name)) {
                otherTypes.add(Fingerprints.ofKnownHostsLine(e.getLine()));
            }
        }
        // A host known only under other key types is treated as changed rather than new: accepting
        // a different key type on first sight of it would let an impostor in through accept-new.
        if (!sameType.isEmpty()) {
            return new Lookup(Verdict.CHANGED, sameType);
        }
        return otherTypes.isEmpty() ? new Lookup(Verdict.UNKNOWN, List.of()) : new Lookup(Verdict.CHANGED, otherTypes);
    }

    /** Host-key algorithms already known for a host, so the key exchange prefers a key we can check. */
    List<String> knownAlgorithms(String host, int port) {
        try {
            return load().findExistingAlgorithms(host, port);
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Appends the key unless, re-checked under the lock, the host became known meanwhile; returns
     * the look-up that decided.
     */
    Lookup recordIfUnknown(String host, int port, PublicKey key) throws IOException {
        synchronized (appendLock) {
            Lookup now = lookup(host, port, key);
            if (now.verdict() != Verdict.UNKNOWN) {
                return now;
            }
            String line = entryName(host, port) + " " + KeyType.fromKey(key) + " "
                    + Base64.getEncoder().encodeToString(Fingerprints.blob(key)) + "\n";
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            byte[] existing = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            String prefix = existing.length > 0 && existing[existing.length - 1] != '\n' ? "\n" : "";
            // One write with O_APPEND: other processes appending at the same time cannot interleave.
            Files.write(file, (prefix + line).getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return now;
        }
    }

    private OpenSSHKnownHosts load() throws IOException {
        String content = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        return new OpenSSHKnownHosts(new StringReader(content));
    }
}
