package dev.provisioner.cis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One file or directory as a renderer produces it for a host: absolute path, content, permission
 * bits (as {@code chmod} takes them, e.g. {@code 0600}), owner and group names.
 *
 * <p>Directories are listed when the installer creates them with a mode and owner that matter (the
 * etcd data directory, the PKI directory); their content is empty.
 *
 * @param path      absolute path on the host
 * @param content   file content (empty for a directory); copied in and out
 * @param mode      permission bits, {@code 0} to {@code 07777}
 * @param owner     owning user name
 * @param group     owning group name
 * @param directory whether this entry is a directory
 */
public record RenderedFile(String path, byte[] content, int mode, String owner, String group, boolean directory) {

    public RenderedFile {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must be absolute: " + path);
        }
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("mode out of range for " + path + ": " + Integer.toOctalString(mode));
        }
        if (owner == null || owner.isBlank() || group == null || group.isBlank()) {
            throw new IllegalArgumentException("owner and group are required for " + path);
        }
        content = directory || content == null ? new byte[0] : content.clone();
    }

    /** A regular file with UTF-8 text content. */
    public static RenderedFile file(String path, String text, int mode, String owner, String group) {
        return new RenderedFile(path, text.getBytes(StandardCharsets.UTF_8), mode, owner, group, false);
    }

    /** A directory the installer creates with this mode and owner. */
    public static RenderedFile directory(String path, int mode, String owner, String group) {
        return new RenderedFile(path, new byte[0], mode, owner, group, true);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The content decoded as UTF-8. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** {@code owner:group}, as {@code stat -c %U:%G} prints it. */
    public String ownership() {
        return owner + ":" + group;
    }

    /** The mode as {@code stat -c %a} prints it, e.g. {@code 600}. */
    public String octalMode() {
        return Integer.toOctalString(mode);
    }

    /** This entry with other permission bits. */
    public RenderedFile withMode(int newMode) {
        return new RenderedFile(path, content, newMode, owner, group, directory);
    }

    /** This entry with another owner and group. */
    public RenderedFile withOwnership(String newOwner, String newGroup) {
        return new RenderedFile(path, content, mode, newOwner, newGroup, directory);
    }

    /** This file with other text content. */
    public RenderedFile withText(String text) {
        return new RenderedFile(path, text.getBytes(StandardCharsets.UTF_8), mode, owner, group, directory);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenderedFile f && path.equals(f.path) && Arrays.equals(content, f.content)
                && mode == f.mode && owner.equals(f.owner) && group.equals(f.group) && directory == f.directory;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(content), mode, owner, group, directory);
    }

    @Override
    public String toString() {
        return (directory ? "dir " : "file ") + path + " " + octalMode() + " " + ownership()
                + (directory ? "" : " (" + content.length + " bytes)");
    }
}
