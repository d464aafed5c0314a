package dev.provisioner.artifacts;

import java.net.URI;

/**
 * A release file that is neither cached, nor in the artifacts directory, nor downloadable in this run.
 *
 * @param request what was wanted
 * @param file    the path it must have inside an artifacts directory
 * @param url     where to download it
 * @param pinned  whether the catalogue pins its checksum (if not, SHA256SUMS must list it)
 * @param reason  why it could not be had here
 */
public record MissingArtifact(ArtifactRequest request, String file, URI url, boolean pinned, String reason) {
}
