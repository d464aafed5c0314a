package dev.provisioner.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copies a stream into a file while computing its SHA-256, so bytes are read exactly once. */
final class HashingCopy {
    private HashingCopy() {
    }

    /**
     * Writes {@code in} to {@code target} (created or truncated) and returns the lower-case hex SHA-256.
     *
     * @throws IOException when reading or writing fails, or more than {@code maxBytes} arrive
     */
    static String copy(InputStream in, Path target, long maxBytes) throws IOException {
        MessageDigest sha = sha256();
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new IOException("more than " + maxBytes + " bytes; refusing to continue");
                }
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The lower-case hex SHA-256 of a file. */
    static String hash(Path file) throws IOException {
        MessageDigest sha = sha256();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
