package dev.provisioner.transport.jsch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An OpenSSH known_hosts file, read afresh for every check so that keys recorded by other
 * connections (or by {@code ssh} itself) are seen. Appends are serialised by this object's monitor
 * within the JVM and by a file lock across processes; the file is re-read under the lock first, so
 * two connections to a new host record it once.
 */
final class KnownHostsFile {
    private final Path file;

    KnownHostsFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** Checks {@code key} for {@code host} ({@code [addr]:port} form for non-22 ports). */
    HostKeyVerdict check(String host, byte[] key) {
        return check(read(), host, key);
    }

    /** Every plain key recorded for the host, for JSch's preference of known key types. */
    List<byte[]> keysFor(String host) {
        List<byte[]> keys = new ArrayList<>();
        for (KnownHostsEntry e : read()) {
            if (e.plain() && e.matches(host)) {
                keys.add(e.key());
            }
        }
        return keys;
    }

    /**
     * Records the key of a host that known_hosts does not know yet. Returns the verdict seen under
     * the lock: UNKNOWN when this call recorded it, otherwise what the file now says.
     */
    synchronized HostKeyVerdict recordIfUnknown(String host, byte[] key) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock ignored = lock(ch)) {
                String content = readAll(ch);
                HostKeyVerdict now = check(parse(content), host, key);
                if (now.status() != HostKeyVerdict.Status.UNKNOWN) {
                    return now;
                }
                String line = (content.isEmpty() || content.endsWith("\n") ? "" : "\n")
                        + host + " " + HostKeys.type(key) + " " + Base64.getEncoder().encodeToString(key) + "\n";
                ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), ch.size());
                ch.force(false);
                return now;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record host key in " + file, e);
        }
    }

    private static HostKeyVerdict check(List<KnownHostsEntry> entries, String host, byte[] key) {
        String type = HostKeys.type(key);
        List<String> sameType = new ArrayList<>();
        List<String> otherTypes = new ArrayList<>();
        for (KnownHostsEntry e : entries) {
            if (e.revoked() && e.sameKey(key)) {
                return new HostKeyVerdict(HostKeyVerdict.Status.REVOKED, List.of());
            }
        }
        for (KnownHostsEntry e : entries) {
            if (!e.plain() || !e.matches(host)) {
                continue;
            }
            if (e.sameKey(key)) {
                return HostKeyVerdict.of(HostKeyVerdict.Status.KNOWN);
            }
            (e.type().equals(type) ? sameType : otherTypes).add(e.type() + " " + HostKeys.fingerprint(e.key()));
        }
        if (!sameType.isEmpty()) {
            return new HostKeyVerdict(HostKeyVerdict.Status.CHANGED, sameType);
        }
        // Keys of other types are known: a host that suddenly offers only a new type is treated as
        // changed, not as new, so accept-new cannot be used to slip a different key in.
        if (!otherTypes.isEmpty()) {
            return new HostKeyVerdict(HostKeyVerdict.Status.CHANGED, otherTypes);
        }
        return HostKeyVerdict.of(HostKeyVerdict.Status.UNKNOWN);
    }

    private List<KnownHostsEntry> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read known_hosts file " + file, e);
        }
    }

    private static List<KnownHostsEntry> parse(String content) {
        List<KnownHostsEntry> entries = new ArrayList<>();
        for (String line : content.split("\n")) {
            KnownHostsEntry e = KnownHostsEntry.parse(line);
            if (e != null) {
                entries.add(e);
            }
        }
        return entries;
    }

    private static String readAll(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) ch.size());
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
            // keep reading until the whole file is in
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    private static FileLock lock(FileChannel ch) throws IOException {
        // Another channel of this JVM (a second transport on the same file) may hold the lock.
        for (int i = 0; ; i++) {
            try {
                return ch.lock();
            } catch (OverlappingFileLockException e) {
                if (i > 500) {
                    throw new IOException("known_hosts stays locked by another transport", e);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the known_hosts lock", ie);
                }
            }
        }
    }
}
