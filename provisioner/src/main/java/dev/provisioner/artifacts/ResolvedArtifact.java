package dev.provisioner.artifacts;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A release file verified on the controller, with its binaries ready to upload.
 *
 * @param component catalogue component name
 * @param version   version without a leading {@code v}
 * @param arch      architecture
 * @param binaries  installed binary name (e.g. {@code etcdctl}) to the local file to upload, in catalogue order
 * @param file      the verified release file in the cache
 * @param sha256    its hex SHA-256
 * @param source    where the expected checksum came from
 * @param origin    where the bytes came from in this run
 */
public record ResolvedArtifact(String component, String version, Arch arch, Map<String, Path> binaries, Path file,
                               String sha256, ChecksumSource source, Origin origin) {
    public ResolvedArtifact {
        binaries = Collections.unmodifiableMap(new LinkedHashMap<>(binaries));
    }

    /** The local file of one binary. */
    public Path binary(String name) {
        Path p = binaries.get(name);
        if (p == null) {
            throw new ArtifactException(component + " " + version + " has no binary '" + name + "'; it has: "
                    + String.join(", ", binaries.keySet()));
        }
        return p;
    }
}
