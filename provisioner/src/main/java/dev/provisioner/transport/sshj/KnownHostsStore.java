package dev.provisioner.transport.sshj;

import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An OpenSSH known_hosts file (plain and hashed entries), read afresh for every look-up so that
 * entries recorded by other connections are seen, and appended to for accept-new under a file lock
 * (other processes, other transports) and a monitor (other threads of this transport), re-checking
 * under the lock so that a host is recorded once.
 */
final class KnownHostsStore {
    private final Path file;
    private final Object appendLock = new Object();
    /**
     * The last content parsed and its entries: every connection of a run reads the file twice (the algorithms to
     * prefer, then the key check), and parsing decodes every entry's key, so a run of N hosts decoded 2 x N times
     * the whole file. The file is still read each time; its entries are parsed again only when it changed.
     */
    private final java.util.concurrent.atomic.AtomicReference<Parsed> parsed = new java.util.concurrent.atomic.AtomicReference<>();

    private record Parsed(String content, OpenSSHKnownHosts hosts) {
    }

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
        return lookup(host, port, key, Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "");
    }

    private Lookup lookup(String host, int port, PublicKey key, String content) throws IOException {
        String name = entryName(host, port);
        KeyType type = KeyType.fromKey(key);
        List<String> sameType = new ArrayList<>();
        List<String> otherTypes = new ArrayList<>();
        for (OpenSSHKnownHosts.KnownHostEntry e : parsed(content).entries()) {
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
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        synchronized (appendLock) {
            // Read through the locked channel itself: closing any other handle to the file would
            // release this process's POSIX lock (fcntl semantics) while we still rely on it.
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
                 FileLock ignored = lock(channel)) {
                String content = readAll(channel);
                Lookup now = lookup(host, port, key, content);
                if (now.verdict() != Verdict.UNKNOWN) {
                    return now;
                }
                String prefix = !content.isEmpty() && !content.endsWith("\n") ? "\n" : "";
                String line = prefix + entryName(host, port) + " " + KeyType.fromKey(key) + " "
                        + Base64.getEncoder().encodeToString(Fingerprints.blob(key)) + "\n";
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                long position = channel.size();
                while (bytes.hasRemaining()) {
                    position += channel.write(bytes, position);
                }
                channel.force(false);
                return now;
            }
        }
    }

    /**
     * Locks the file against other processes and other transports of this JVM (whose locks on the
     * same file surface as {@link OverlappingFileLockException}, so they are waited out here).
     */
    private static FileLock lock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("known_hosts stayed locked for 30 s", e);
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the known_hosts lock", ie);
                }
            }
        }
    }

    private static String readAll(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) channel.size());
        long position = 0;
        while (buf.hasRemaining() && channel.read(buf, position) > 0) {
            position = buf.position();
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    /** Most {@code *} wildcards in one entry's host patterns. */
    static final int MAX_WILDCARDS = 3;

    /**
     * Checks each entry before sshj reads it, because two kinds of line broke sshj (found by fuzzing):
     * host patterns of many {@code *} wildcards, which sshj matches with backtracking regular
     * expressions (a 423-byte line hung the look-up), and a key whose length fields claim more bytes
     * than the key has, which sshj allocates up front (gigabytes). Such an entry is refused: the
     * connection is refused with the file and line named, rather than hanging, exhausting memory or
     * skipping an entry that may pin a key.
     */
    private static void precheck(String content) throws IOException {
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String[] fields = lines[i].strip().split("[ \t]+");
            int first = fields[0].startsWith("@") ? 1 : 0;
            if (fields.length <= first || fields[first].startsWith("#")) {
                continue;
            }
            if (fields[first].chars().filter(c -> c == '*').count() > MAX_WILDCARDS) {
                throw new IOException("known_hosts line " + (i + 1) + ": more than " + MAX_WILDCARDS
                        + " '*' wildcards in the host patterns; write the host names out");
            }
            if (fields.length > first + 2 && !wellFormed(fields[first + 2])) {
                throw new IOException("known_hosts line " + (i + 1) + ": the key is not a well-formed SSH public key");
            }
        }
    }

    /** Base64 of SSH wire-format fields (each a 4-byte length and that many bytes), every length within the key. */
    private static boolean wellFormed(String base64) {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int pos = 0;
        while (pos < blob.length) {
            if (blob.length - pos < 4) {
                return false;
            }
            long length = ((blob[pos] & 0xffL) << 24) | ((blob[pos + 1] & 0xff) << 16) | ((blob[pos + 2] & 0xff) << 8)
                    | (blob[pos + 3] & 0xff);
            pos += 4;
            if (length > blob.length - pos) {
                return false;
            }
            pos += (int) length;
        }
        return blob.length > 0;
    }

    private OpenSSHKnownHosts load() throws IOException {
        return parsed(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "");
    }

    /** The entries of {@code content}, parsed once per distinct content. */
    private OpenSSHKnownHosts parsed(String content) throws IOException {
        Parsed last = parsed.get();
        if (last != null && last.content().equals(content)) {
            return last.hosts();
        }
        OpenSSHKnownHosts hosts = parse(content);
        parsed.set(new Parsed(content, hosts));
        return hosts;
    }

    /**
     * sshj's parser throws unchecked exceptions on some malformed lines (a number with an embedded
     * sign, found by fuzzing); they become the IOException every caller handles.
     */
    private static OpenSSHKnownHosts parse(String content) throws IOException {
        precheck(content);
        try {
            return new OpenSSHKnownHosts(new StringReader(content));
        } catch (RuntimeException e) {
            throw new IOException("malformed known_hosts entry (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }
}
