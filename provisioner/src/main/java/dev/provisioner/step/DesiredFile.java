package dev.provisioner.step;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A file as a step wants it on a host: rendered content, mode and ownership.
 *
 * @param path      absolute destination
 * @param content   the bytes
 * @param mode      permission bits, e.g. 0644
 * @param owner     owner user
 * @param group     group
 * @param placement atomic rename (default) or in-place copy
 * @param sensitive true for keys and password files: no diff is ever shown or fetched, only "changed"
 * @param unitFile  true for systemd unit files and drop-ins: a change triggers one daemon-reload
 */
public record DesiredFile(String path, byte[] content, int mode, String owner, String group, Placement placement,
                          boolean sensitive, boolean unitFile) {
    public DesiredFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must be absolute: " + path);
        }
        owner = owner == null ? "root" : owner;
        group = group == null ? owner : group;
        placement = placement == null ? Placement.ATOMIC : placement;
    }

    /** A root-owned 0644 text file. */
    public static DesiredFile text(String path, String content) {
        return new DesiredFile(path, content.getBytes(StandardCharsets.UTF_8), 0644, "root", "root", Placement.ATOMIC,
                false, false);
    }

    public DesiredFile withMode(int newMode) {
        return new DesiredFile(path, content, newMode, owner, group, placement, sensitive, unitFile);
    }

    public DesiredFile withOwner(String newOwner, String newGroup) {
        return new DesiredFile(path, content, mode, newOwner, newGroup, placement, sensitive, unitFile);
    }

    public DesiredFile inPlace() {
        return new DesiredFile(path, content, mode, owner, group, Placement.IN_PLACE, sensitive, unitFile);
    }

    public DesiredFile asSensitive() {
        return new DesiredFile(path, content, mode, owner, group, placement, true, unitFile);
    }

    public DesiredFile asUnitFile() {
        return new DesiredFile(path, content, mode, owner, group, placement, sensitive, true);
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
