package dev.provisioner.artifacts;

import java.util.List;

/** The catalogue pins no checksum for this component, version and architecture, so it cannot be downloaded. */
public class UnknownArtifactVersionException extends ArtifactException {
    private final List<String> known;

    /**
     * @param component the component name
     * @param version   the requested version
     * @param arch      the requested architecture
     * @param known     the versions the catalogue pins for that component and architecture
     */
    public UnknownArtifactVersionException(String component, String version, Arch arch, List<String> known) {
        super(component + " " + version + " (" + arch + ") is not in the pinned catalogue; known versions: "
                + (known.isEmpty() ? "none" : String.join(", ", known))
                + ". Use a known version, or supply the file with --artifacts DIR and list it in DIR/SHA256SUMS");
        this.known = List.copyOf(known);
    }

    /** The versions the catalogue pins for the component and architecture, oldest first. */
    public List<String> known() {
        return known;
    }
}
