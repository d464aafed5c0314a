package dev.provisioner.artifacts;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Release files the run needs but cannot get. The message lists every one with the exact file name to
 * put into an artifacts directory and the URL to download it from, then how to supply them with
 * {@code --artifacts DIR} and a {@code SHA256SUMS} file, so {@code apply} can stop with a precise message.
 */
public class MissingArtifacts extends ArtifactException {
    private final List<MissingArtifact> missing;

    /**
     * @param missing      every missing file, in request order
     * @param artifactsDir the artifacts directory of this run, if one was given
     */
    public MissingArtifacts(List<MissingArtifact> missing, Optional<Path> artifactsDir) {
        super(message(missing, artifactsDir));
        this.missing = List.copyOf(missing);
    }

    /** Every missing file. */
    public List<MissingArtifact> missing() {
        return missing;
    }

    private static String message(List<MissingArtifact> missing, Optional<Path> dir) {
        String d = dir.map(Path::toString).orElse("DIR");
        StringBuilder sb = new StringBuilder();
        sb.append(missing.size()).append(missing.size() == 1 ? " release file is" : " release files are")
                .append(" missing and cannot be obtained here:\n");
        for (MissingArtifact m : missing) {
            sb.append("  - ").append(m.request()).append(": ").append(d).append('/').append(m.file()).append('\n')
                    .append("      download: ").append(m.url()).append('\n')
                    .append("      checksum: ").append(m.pinned() ? "pinned in the catalogue"
                            : "not pinned: list it in " + d + "/SHA256SUMS (or let a connected run take the"
                                    + " publisher's checksum file and keep the lock file)").append('\n')
                    .append("      why: ").append(m.reason()).append('\n');
        }
        sb.append("Supply them with --artifacts ").append(d).append(": download each file to the path shown")
                .append(" (relative to ").append(d).append(") and add a line '<sha256>  <path>' for it to ")
                .append(d).append("/SHA256SUMS, with the checksum the upstream release publishes (e.g. the .sha256")
                .append(" file next to the download), not one computed from the file you got.")
                .append(" Files the catalogue pins are checked against the pinned checksum, the others against")
                .append(" SHA256SUMS.");
        return sb.toString();
    }
}
