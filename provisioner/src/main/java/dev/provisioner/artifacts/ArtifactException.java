package dev.provisioner.artifacts;

import dev.provisioner.ProvisionerException;

/**
 * A release artifact cannot be used: the catalogue is malformed, a file is not covered by any checksum,
 * an archive lacks a binary, the cache cannot be written. The message names the file and the fix.
 */
public class ArtifactException extends ProvisionerException {
    public ArtifactException(String message) {
        super(message);
    }

    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
