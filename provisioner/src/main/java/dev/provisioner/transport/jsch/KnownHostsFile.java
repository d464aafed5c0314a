package dev.provisioner.transport.jsch;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An OpenSSH known_hosts file, parsed by JSch's own {@code KnownHosts} (through
 * {@link JSch#setKnownHosts(java.io.InputStream)} and {@link JSch#getHostKeyRepository()}) afresh
 * for every check, so that keys recorded by other connections (or by {@code ssh}) are seen.
 *
 * <p>Recording a new host (accept-new) appends one line under a monitor (other threads of this
 * transport) and a file lock (other transports and processes), re-checking under the lock so that
 * concurrent first connections record the host once, as the sshj backend's store does. This is the
 * one piece not left to JSch: its {@code KnownHosts.add} rewrites the whole file from the copy it
 * read earlier, without any lock, so entries recorded meanwhile by others would be lost, a reader
 * could see the file truncated, and it silently writes nothing when the file does not exist yet.
 */
final class KnownHostsFile {
    private static final long LOCK_WAIT_SECONDS = 30;

    private final Path file;
    private final Object appendLock = new Object();

    KnownHostsFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** Checks {@code key} for {@code host} ({@code [addr]:port} form for non-22 ports). */
    HostKeyVerdict check(String host, byte[] key) throws IOException {
        return KnownHostsVerdicts.judge(parse(read()), host, key);
    }

    /** The host's plain entries, for JSch's preference of the key types already known. */
    List<HostKey> keysFor(String host) throws IOException {
        return KnownHostsVerdicts.plainKeys(parse(read()), host);
    }

    /**
     * Records the key of a host that known_hosts does not know yet. Returns the verdict seen under
     * the lock: UNKNOWN when this call recorded it, otherwise what the file now says.
     */
    HostKeyVerdict recordIfUnknown(String host, byte[] key) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        synchronized (appendLock) {
            // Read through the locked channel only: closing any other descriptor of the file would
            // release this process's lock on it (POSIX record-lock semantics).
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
                 FileLock ignored = lock(channel)) {
                byte[] content = readAll(channel);
                HostKeyVerdict now = KnownHostsVerdicts.judge(parse(content), host, key);
                if (now.status() != HostKeyVerdict.Status.UNKNOWN) {
                    return now;
                }
                String prefix = content.length > 0 && content[content.length - 1] != '\n' ? "\n" : "";
                ByteBuffer line = ByteBuffer.wrap((prefix + entryLine(host, key) + "\n").getBytes(StandardCharsets.UTF_8));
                long position = channel.size();
                while (line.hasRemaining()) {
                    position += channel.write(line, position);
                }
                channel.force(false);
                return now;
            }
        }
    }

    private String entryLine(String host, byte[] key) throws IOException {
        try {
            return HostKeys.entryLine(host, key);
        } catch (JSchException e) {
            throw new IOException("cannot write a known_hosts entry for a " + HostKeys.type(key) + " key: "
                    + e.getMessage(), e);
        }
    }

    private byte[] read() throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    /** JSch's parse of known_hosts content; a fresh {@link JSch} keeps it private to this check. */
    private HostKeyRepository parse(byte[] content) throws IOException {
        JSch jsch = new JSch();
        try {
            jsch.setKnownHosts(new ByteArrayInputStream(content));
        } catch (JSchException e) {
            throw new IOException("cannot read known_hosts file " + file + ": " + e.getMessage(), e);
        }
        return jsch.getHostKeyRepository();
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(channel.size()));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // keep reading until the whole file is in
        }
        return buffer.array().length == buffer.position() ? buffer.array()
                : Arrays.copyOf(buffer.array(), buffer.position());
    }

    /**
     * Locks the file against other processes and other transports of this JVM (whose locks on the
     * same file surface as {@link OverlappingFileLockException}, so they are waited out here).
     */
    private static FileLock lock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOCK_WAIT_SECONDS);
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("known_hosts stayed locked for " + LOCK_WAIT_SECONDS + " s", e);
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
}
