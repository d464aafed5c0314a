package dev.provisioner.facts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A managed path as found on the host.
 *
 * @param path    absolute path
 * @param exists  whether a regular file is there
 * @param sha256  hex SHA-256 of its content (empty when absent)
 * @param mode    permission bits (e.g. 0644), or -1 when absent
 * @param owner   owner user name (empty when absent)
 * @param group   group name (empty when absent)
 * @param content the file's bytes, when the query asked for them (always, or only when they differ
 *                from the desired checksum)
 */
public record FileState(String path, boolean exists, String sha256, int mode, String owner, String group,
                        Optional<byte[]> content) {
    public FileState {
        content = content == null ? Optional.empty() : content;
    }

    public static FileState absent(String path) {
        return new FileState(path, false, "", -1, "", "", Optional.empty());
    }

    /** The content as UTF-8 text, when known. */
    public Optional<String> text() {
        return content.map(b -> new String(b, StandardCharsets.UTF_8));
    }
}
