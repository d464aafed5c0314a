package dev.provisioner.pki;

import dev.provisioner.transport.Upload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One PKI file a host must receive: where it goes, its PEM bytes (exactly the bytes stored in the
 * state directory), its mode and owner.
 *
 * @param path    absolute path on the host, see {@link HostPaths}
 * @param content PEM bytes (copied in and out)
 * @param mode    octal permission bits: {@code 0600} for private keys, {@code 0644} for certificates and public keys
 * @param owner   owning user: {@code root}, or {@code etcd} for the files under {@link HostPaths#ETCD_DIR}
 * @param group   owning group
 * @param source  name of the certificate or key in the state directory it comes from, e.g. {@code etcd/master/server}
 */
public record HostFile(String path, byte[] content, int mode, String owner, String group, String source) {
    public HostFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(source, "source");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("host path must be absolute: " + path);
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The content as text (PEM is ASCII). */
    public String text() {
        return new String(content, StandardCharsets.US_ASCII);
    }

    /** True for a private key (mode 0600). */
    public boolean isPrivateKey() {
        return mode == 0600;
    }

    /** Lower-case hex SHA-256 of the content, to compare with {@code sha256sum} on the host. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same file with another owner, e.g. for a registry that runs as its own user. */
    public HostFile withOwner(String newOwner, String newGroup) {
        return new HostFile(path, content, mode, newOwner, newGroup, source);
    }

    /** An atomic upload of this file with its mode and owner. */
    public Upload toUpload() {
        return Upload.of(path, content).withMode(mode).withOwner(owner, group);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostFile f && f.path.equals(path) && Arrays.equals(f.content, content) && f.mode == mode
                && f.owner.equals(owner) && f.group.equals(group) && f.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(content), mode, owner, group, source);
    }

    @Override
    public String toString() {
        return String.format("%s (%04o %s:%s, from %s, %d bytes)", path, mode, owner, group, source, content.length);
    }
}
