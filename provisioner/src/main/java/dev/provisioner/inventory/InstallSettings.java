package dev.provisioner.inventory;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Install source per component.
 *
 * @param sources      every component mapped to its source
 * @param artifactsDir folder on the controller holding release files; required when any source is artifacts
 * @param requirePinned accept only release files whose checksum the catalogue or the cluster's lock file pins
 *                      ({@code install.requirePinned})
 * @param bundle       an air-gap bundle ({@code provisioner bundle create}) to install from with no network
 *                     access ({@code install.bundle})
 * @param imageFallback with a private registry, containerd may pull an image it lacks from the upstream
 *                     registry ({@code install.imageFallback}, default false: the private registry only)
 * @param preflightIgnore preflight checks not to refuse a run for ({@code install.preflightIgnore}, names from
 *                     {@link #PREFLIGHT_CHECKS}): their findings are reported as warnings
 */
public record InstallSettings(Map<Component, InstallSource> sources, Optional<Path> artifactsDir, boolean requirePinned,
                              Optional<Path> bundle, boolean imageFallback, Set<String> preflightIgnore) {
    /** The preflight checks a run can be told to ignore, in the order they are reported. */
    public static final List<String> PREFLIGHT_CHECKS = List.of("os", "arch", "cpu", "memory", "ports", "swap", "cgroup", "time");

    /** Without ignored preflight checks. */
    public InstallSettings(Map<Component, InstallSource> sources, Optional<Path> artifactsDir, boolean requirePinned,
                           Optional<Path> bundle, boolean imageFallback) {
        this(sources, artifactsDir, requirePinned, bundle, imageFallback, Set.of());
    }

    /** Sources and an artifacts directory; publisher checksums accepted, no bundle, no upstream image fallback. */
    public InstallSettings(Map<Component, InstallSource> sources, Optional<Path> artifactsDir) {
        this(sources, artifactsDir, false, Optional.empty(), false, Set.of());
    }

    public InstallSettings {
        EnumMap<Component, InstallSource> copy = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            copy.put(c, sources == null ? InstallSource.BINARIES : sources.getOrDefault(c, InstallSource.BINARIES));
        }
        sources = Collections.unmodifiableMap(copy);
        artifactsDir = artifactsDir == null ? Optional.empty() : artifactsDir;
        bundle = bundle == null ? Optional.empty() : bundle;
        preflightIgnore = preflightIgnore == null ? Set.of() : Set.copyOf(preflightIgnore);
    }

    /** The source of {@code component}. */
    public InstallSource source(Component component) {
        return sources.get(component);
    }
}
