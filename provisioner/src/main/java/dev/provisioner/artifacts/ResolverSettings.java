package dev.provisioner.artifacts;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the resolver looks and stores.
 *
 * @param cacheDir     the verified-file cache, normally {@code <state>/artifacts}
 * @param artifactsDir the operator's air-gapped artifacts directory ({@code --artifacts DIR}), if any
 * @param download     download behaviour
 * @param requirePinned refuse every file whose checksum is pinned by neither the catalogue nor the lock file
 *                     (no publisher checksum, no {@code SHA256SUMS} of an artifacts directory)
 */
public record ResolverSettings(Path cacheDir, Optional<Path> artifactsDir, DownloadSettings download,
                               boolean requirePinned) {
    /** Settings that accept publisher checksums and {@code SHA256SUMS}. */
    public ResolverSettings(Path cacheDir, Optional<Path> artifactsDir, DownloadSettings download) {
        this(cacheDir, artifactsDir, download, false);
    }

    public ResolverSettings {
        Objects.requireNonNull(cacheDir, "cacheDir");
        artifactsDir = artifactsDir == null ? Optional.empty() : artifactsDir.map(p -> p.toAbsolutePath().normalize());
        Objects.requireNonNull(download, "download");
    }

    /** The lock file next to the cache: {@code <stateDir>/artifacts.lock}. */
    public Path lockFile() {
        return cacheDir.toAbsolutePath().normalize().resolveSibling(LockFile.FILE_NAME);
    }

    /** A copy with {@code --require-pinned} on or off. */
    public ResolverSettings withRequirePinned(boolean on) {
        return new ResolverSettings(cacheDir, artifactsDir, download, on);
    }

    /** The cache in {@code <stateDir>/artifacts}. */
    public static ResolverSettings forState(Path stateDir, Optional<Path> artifactsDir, DownloadSettings download) {
        return new ResolverSettings(stateDir.resolve("artifacts"), artifactsDir, download);
    }
}
