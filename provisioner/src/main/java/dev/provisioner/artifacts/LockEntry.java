package dev.provisioner.artifacts;

import java.net.URI;
import java.util.Objects;

/**
 * One line of the lock file: the checksum a release file was verified against the first time.
 *
 * @param component catalogue component name
 * @param version   version without a leading {@code v}
 * @param arch      architecture
 * @param url       where the file is released
 * @param sha256    64 lower-case hex digits
 * @param source    where the checksum came from, e.g. {@code catalogue:kubespray},
 *                  {@code publisher:https://dl.k8s.io/.../kubelet.sha256}, {@code SHA256SUMS:/path/to/dir}
 */
public record LockEntry(String component, String version, Arch arch, URI url, String sha256, String source) {
    public LockEntry {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(url, "url");
        if (!PinnedChecksum.isSha256(sha256)) {
            throw new ArtifactException("lock entry of " + component + " " + version + " " + arch
                    + " has no valid SHA-256: " + sha256);
        }
        if (source == null || source.isBlank() || source.chars().anyMatch(Character::isWhitespace)) {
            throw new ArtifactException("lock entry of " + component + " " + version + " " + arch
                    + " needs a source without spaces: " + source);
        }
    }

    /** The request this entry answers. */
    public ArtifactRequest request() {
        return new ArtifactRequest(component, version, arch);
    }

    /** The line as written: fields separated by two spaces. */
    String line() {
        return String.join("  ", component, version, arch.id(), url.toString(), sha256, source);
    }
}
