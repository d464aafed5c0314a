package dev.provisioner.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to place on a host atomically: content, destination, mode and ownership.
 * The content comes from memory ({@link #of(String, byte[])}) or a local file ({@link #ofFile}).
 *
 * @param remotePath absolute destination path
 * @param content    bytes in memory, or null when {@code localFile} is set
 * @param localFile  a local file to stream, or null
 * @param mode       octal permission bits, e.g. 0644 or 0600
 * @param owner      owner user name (null: leave to the connecting user / root)
 * @param group      group name (null: the owner's)
 */
public record Upload(String remotePath, byte[] content, Path localFile, int mode, String owner, String group) {
    public Upload {
        Objects.requireNonNull(remotePath, "remotePath");
        if (!remotePath.startsWith("/")) {
            throw new IllegalArgumentException("remote path must be absolute: " + remotePath);
        }
        if ((content == null) == (localFile == null)) {
            throw new IllegalArgumentException("exactly one of content and localFile");
        }
    }

    public static Upload of(String remotePath, byte[] content) {
        return new Upload(remotePath, content, null, 0644, null, null);
    }

    public static Upload ofFile(String remotePath, Path localFile) {
        return new Upload(remotePath, null, localFile, 0644, null, null);
    }

    public Upload withMode(int newMode) {
        return new Upload(remotePath, content, localFile, newMode, owner, group);
    }

    public Upload withOwner(String newOwner, String newGroup) {
        return new Upload(remotePath, content, localFile, mode, newOwner, newGroup);
    }

    public long size() {
        try {
            return content != null ? content.length : Files.size(localFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream open() throws IOException {
        return content != null ? new java.io.ByteArrayInputStream(content) : Files.newInputStream(localFile);
    }

    public String modeOctal() {
        return String.format("%04o", mode);
    }
}
