package dev.provisioner.inventory;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Install source per component.
 *
 * @param sources      every component mapped to its source
 * @param artifactsDir folder on the controller holding release files; required when any source is artifacts
 */
public record InstallSettings(Map<Component, InstallSource> sources, Optional<Path> artifactsDir) {

    public InstallSettings {
        EnumMap<Component, InstallSource> copy = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            copy.put(c, sources == null ? InstallSource.BINARIES : sources.getOrDefault(c, InstallSource.BINARIES));
        }
        sources = Collections.unmodifiableMap(copy);
        artifactsDir = artifactsDir == null ? Optional.empty() : artifactsDir;
    }

    /** The source of {@code component}. */
    public InstallSource source(Component component) {
        return sources.get(component);
    }
}
