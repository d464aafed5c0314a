package dev.provisioner.artifacts;

/** How a release file is packed. */
enum ArchiveKind {
    /** The release file is the executable itself. */
    RAW,
    /** A gzip-compressed tar archive; the binaries are regular files inside it. */
    TAR_GZ;

    static ArchiveKind parse(String text) {
        return switch (text) {
            case "raw" -> RAW;
            case "tar.gz" -> TAR_GZ;
            default -> throw new ArtifactException("unknown archive kind '" + text + "' (raw or tar.gz)");
        };
    }
}
