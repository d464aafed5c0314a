package dev.provisioner.artifacts;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how a component is released. Patterns take {@code {version}} and {@code {arch}}.
 *
 * @param component   catalogue component name
 * @param urlPattern  upstream download URL
 * @param filePattern path of the release file inside an artifacts directory (relative, {@code /}-separated)
 * @param kind        raw executable or tar.gz archive
 * @param binaries    installed binary name to path inside the archive (for {@link ArchiveKind#RAW}: the one
 *                    name, mapped to the empty string), in catalogue order
 * @param checksumsPattern the HTTPS URL of the checksum file the publisher releases next to the file
 *                    ({@code .sha256}, {@code .sha256sum}, {@code SHA256SUMS}, ...), or null when it publishes none
 */
public record ComponentLayout(String component, String urlPattern, String filePattern, ArchiveKind kind,
                              Map<String, String> binaries, String checksumsPattern) {
    /** A layout whose publisher releases no checksum file. */
    public ComponentLayout(String component, String urlPattern, String filePattern, ArchiveKind kind,
                           Map<String, String> binaries) {
        this(component, urlPattern, filePattern, kind, binaries, null);
    }

    public ComponentLayout {
        binaries = Collections.unmodifiableMap(new LinkedHashMap<>(binaries));
        if (binaries.isEmpty()) {
            throw new ArtifactException(component + ": no binaries declared");
        }
        if (kind == ArchiveKind.RAW && binaries.size() != 1) {
            throw new ArtifactException(component + ": a raw release file is exactly one binary");
        }
        for (String name : binaries.keySet()) {
            if (!BINARY_NAME.matcher(name).matches()) {
                throw new ArtifactException(component + ": binary name '" + name + "' is not a plain file name");
            }
        }
    }

    private static final Pattern BINARY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** The download URL for a version and architecture. */
    public URI url(String version, Arch arch) {
        return URI.create(expand(urlPattern, version, arch));
    }

    /** The URL of the publisher's checksum file for a version and architecture, if it publishes one. */
    public Optional<URI> checksumsUrl(String version, Arch arch) {
        return Optional.ofNullable(checksumsPattern).map(p -> URI.create(expand(p, version, arch)));
    }

    /** The last path segment of the download URL: the name publishers' checksum files list. */
    public String urlFileName(String version, Arch arch) {
        String path = url(version, arch).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The release file's path relative to an artifacts directory. */
    public String file(String version, Arch arch) {
        return expand(filePattern, version, arch);
    }

    /** The release file's own name (last path segment), as kept in the cache. */
    public String fileName(String version, Arch arch) {
        String f = file(version, arch);
        return f.substring(f.lastIndexOf('/') + 1);
    }

    /** Installed name to path inside the archive, expanded. */
    public Map<String, String> binaries(String version, Arch arch) {
        Map<String, String> out = new LinkedHashMap<>();
        binaries.forEach((name, path) -> out.put(name, expand(path, version, arch)));
        return Collections.unmodifiableMap(out);
    }

    static String expand(String pattern, String version, Arch arch) {
        return pattern.replace("{version}", version).replace("{arch}", arch.id());
    }
}
