package dev.provisioner.artifacts;

/** Where the bytes of a resolved release file came from in this run. */
public enum Origin {
    /** Already in the local cache, verified again before use. */
    CACHE,
    /** Downloaded in this run and verified while streaming. */
    DOWNLOAD,
    /** Copied from the operator's artifacts directory and verified while copying. */
    ARTIFACTS_DIR
}
