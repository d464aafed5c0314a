package dev.provisioner.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pinned table of release artifacts shipped in the project ({@code artifacts.yaml} next to this class):
 * per component its download URL, its file name in an artifacts directory, how it is packed, and the
 * SHA-256 of each version and architecture whose checksum was read from a public repository.
 * Immutable; load it with {@link #bundled()} or, for tests and overrides, {@link #parse(String, String)}.
 */
public final class ArtifactCatalog {
    static final String RESOURCE = "artifacts.yaml";

    private final Map<String, ComponentLayout> layouts;
    private final List<PinnedChecksum> pins;
    private final Map<String, String> sources;

    ArtifactCatalog(Map<String, ComponentLayout> layouts, List<PinnedChecksum> pins, Map<String, String> sources) {
        this.layouts = Collections.unmodifiableMap(new LinkedHashMap<>(layouts));
        this.pins = List.copyOf(pins);
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** The catalogue shipped in the jar: read once per class loader (it is immutable), as one run asks for it several times. */
    public static ArtifactCatalog bundled() {
        return Bundled.CATALOG;
    }

    /** Holds the bundled catalogue, read when first asked for. */
    private static final class Bundled {
        static final ArtifactCatalog CATALOG = read();

        private Bundled() {
        }
    }

    private static ArtifactCatalog read() {
        try (InputStream in = ArtifactCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ArtifactException("the artifact catalogue " + RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new ArtifactException("cannot read the artifact catalogue " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a catalogue in the format of the bundled {@code artifacts.yaml}.
     *
     * @param yaml   the document
     * @param origin name used in error messages
     * @throws ArtifactException when the document is malformed (unknown architecture, bad checksum, ...)
     */
    public static ArtifactCatalog parse(String yaml, String origin) {
        return new CatalogParser(origin).parse(yaml);
    }

    /** Component names, in catalogue order. */
    public Set<String> components() {
        return layouts.keySet();
    }

    /**
     * The layout of a component.
     *
     * @throws ArtifactException for a component the catalogue does not describe, listing the known ones
     */
    public ComponentLayout layout(String component) {
        ComponentLayout l = layouts.get(component);
        if (l == null) {
            throw new ArtifactException("unknown component '" + component + "'; the catalogue describes: "
                    + String.join(", ", layouts.keySet()));
        }
        return l;
    }

    /** Every pinned checksum, in catalogue order. */
    public List<PinnedChecksum> pins() {
        return pins;
    }

    /** Source id to a description of the repository and path the checksums were read from. */
    public Map<String, String> sources() {
        return sources;
    }

    /** The pinned checksum for a request, if the catalogue has one. */
    public Optional<PinnedChecksum> pin(ArtifactRequest request) {
        layout(request.component());
        return pins.stream()
                .filter(p -> p.component().equals(request.component()) && p.version().equals(request.version())
                        && p.arch() == request.arch())
                .findFirst();
    }

    /**
     * The pinned checksum for a request.
     *
     * @throws UnknownArtifactVersionException listing the versions known for that component and architecture
     */
    public PinnedChecksum requirePin(ArtifactRequest request) {
        return pin(request).orElseThrow(() -> new UnknownArtifactVersionException(request.component(),
                request.version(), request.arch(), knownVersions(request.component(), request.arch())));
    }

    /** Versions pinned for a component and architecture, oldest first. */
    public List<String> knownVersions(String component, Arch arch) {
        layout(component);
        List<String> out = new ArrayList<>();
        for (PinnedChecksum p : pins) {
            if (p.component().equals(component) && p.arch() == arch && !out.contains(p.version())) {
                out.add(p.version());
            }
        }
        out.sort(VERSION_ORDER);
        return out;
    }

    /** Orders dotted versions numerically where both parts are numbers ({@code 1.9.0 < 1.10.0}). */
    static final Comparator<String> VERSION_ORDER = (a, b) -> {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };
}
