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
 */
public record ResolverSettings(Path cacheDir, Optional<Path> artifactsDir, DownloadSettings download) {
    public ResolverSettings {
        Objects.requireNonNull(cacheDir, "cacheDir");
        artifactsDir = artifactsDir == null ? Optional.empty() : artifactsDir.map(p -> p.toAbsolutePath().normalize());
        Objects.requireNonNull(download, "download");
    }

    /** The cache in {@code <stateDir>/artifacts}. */
    public static ResolverSettings forState(Path stateDir, Optional<Path> artifactsDir, DownloadSettings download) {
        return new ResolverSettings(stateDir.resolve("artifacts"), artifactsDir, download);
    }
}
