package dev.provisioner.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --artifacts DIR} and {@code --no-download}: where release files come from (apply, upgrade, lab up, ...). */
final class ArtifactOptions {
    static final String ARTIFACTS_DESCRIPTION = "release files (Kubernetes binaries, flanneld, ...)"
            + " with a SHA256SUMS file, for air-gapped installs (default: the inventory's install.artifactsDir)";

    @Option(names = "--artifacts", paramLabel = "DIR", description = ARTIFACTS_DESCRIPTION)
    Path dir;

    @Option(names = "--no-download", description = "never download release files; use only --artifacts and the cache")
    boolean noDownload;
}
