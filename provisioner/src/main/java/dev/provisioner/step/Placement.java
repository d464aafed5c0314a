package dev.provisioner.step;

/** How a file reaches its destination. */
public enum Placement {
    /** Written beside the destination and renamed over it: readers see the old or the new file. The default. */
    ATOMIC,
    /**
     * Copied into the existing file (same inode). For files that are mount points, such as
     * /etc/hosts inside a container (Docker bind-mounts it; a rename over a mount point fails with
     * EBUSY). Not atomic: use only where rename is impossible.
     */
    IN_PLACE
}
