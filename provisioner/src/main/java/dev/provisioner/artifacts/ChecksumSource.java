package dev.provisioner.artifacts;

/** Where the expected SHA-256 of a release file came from. */
public enum ChecksumSource {
    /** The pinned catalogue shipped with the project. */
    CATALOGUE,
    /** The {@code SHA256SUMS} file of the operator's artifacts directory. */
    SHA256SUMS
}
