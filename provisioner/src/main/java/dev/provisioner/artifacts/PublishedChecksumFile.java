package dev.provisioner.artifacts;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the SHA-256 of one release file out of the checksum file its publisher releases next to it.
 * Two shapes cover the publishers in the catalogue:
 * <ul>
 *   <li>a bare hex digest, the whole file ({@code dl.k8s.io}'s {@code <file>.sha256});</li>
 *   <li>{@code sha256sum} output, one {@code <hex>  <name>} (or {@code <hex> *<name>}) per line: a per-file
 *       {@code .sha256}/{@code .sha256sum} (CNI plugins, flannel's CNI plugin, containerd) or a list for the
 *       whole release ({@code SHA256SUMS} of etcd, {@code runc.sha256sum}). The line whose name, without
 *       directories, is the release file's name is taken.</li>
 * </ul>
 */
final class PublishedChecksumFile {
    private PublishedChecksumFile() {
    }

    /**
     * The digest listed for {@code fileName}.
     *
     * @param text     the checksum file's content
     * @param fileName the release file's name as published (last segment of its URL)
     * @param source   the checksum file's URL, for messages
     * @throws ArtifactException when the file lists no well-formed digest for {@code fileName}
     */
    static String find(String text, String fileName, URI source) {
        String[] lines = text.strip().split("\\R");
        if (lines.length == 1 && !lines[0].isBlank() && lines[0].strip().split("\\s+").length == 1) {
            String hex = lines[0].strip().toLowerCase(Locale.ROOT);
            return valid(hex, fileName, source);
        }
        Optional<String> found = Optional.empty();
        for (String raw : lines) {
            String[] parts = raw.strip().split("\\s+", 2);
            if (parts.length != 2) {
                continue;
            }
            String name = parts[1].startsWith("*") ? parts[1].substring(1) : parts[1];
            name = name.substring(name.lastIndexOf('/') + 1);
            if (name.equals(fileName)) {
                String hex = valid(parts[0].toLowerCase(Locale.ROOT), fileName, source);
                if (found.isPresent() && !found.get().equals(hex)) {
                    throw new ArtifactException(source + " lists " + fileName + " twice with different checksums");
                }
                found = Optional.of(hex);
            }
        }
        return found.orElseThrow(() -> new ArtifactException("the publisher's checksum file " + source
                + " lists no SHA-256 for " + fileName));
    }

    private static String valid(String hex, String fileName, URI source) {
        if (!PinnedChecksum.isSha256(hex)) {
            throw new ArtifactException("the publisher's checksum file " + source + " has no valid SHA-256 for "
                    + fileName + " (expected 64 hex digits)");
        }
        return hex;
    }
}
