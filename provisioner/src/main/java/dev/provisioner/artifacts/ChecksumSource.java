package dev.provisioner.artifacts;

/** Where the expected SHA-256 of a release file came from. */
public enum ChecksumSource {
    /** The pinned catalogue shipped with the project. */
    CATALOGUE("the pinned catalogue"),
    /** The {@code SHA256SUMS} file of the operator's artifacts directory. */
    SHA256SUMS("SHA256SUMS of the artifacts directory"),
    /** The cluster's lock file, written when the file was first verified. */
    LOCK_FILE("the lock file"),
    /** The checksum file the publisher releases next to the file, fetched over HTTPS. */
    PUBLISHER("the publisher's checksum file");

    private final String description;

    ChecksumSource(String description) {
        this.description = description;
    }

    /** Words for messages, e.g. {@code the pinned catalogue}. */
    public String description() {
        return description;
    }
}
