package dev.provisioner.artifacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code SHA256SUMS} file of an artifacts directory, in {@code sha256sum} format: one
 * {@code <64 hex>  <relative path>} per line ({@code <hex> *<path>} for binary mode is accepted too);
 * blank lines and lines starting with {@code #} are ignored. Paths are relative to the directory,
 * with {@code /} separators; a leading {@code ./} is ignored.
 */
public record Sha256Sums(Map<String, String> byPath) {
    public static final String FILE_NAME = "SHA256SUMS";
    static final Sha256Sums EMPTY = new Sha256Sums(Map.of());

    public Sha256Sums {
        byPath = Collections.unmodifiableMap(new LinkedHashMap<>(byPath));
    }

    /** Reads {@code dir/SHA256SUMS}; a directory without one has no entries. */
    public static Sha256Sums read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ArtifactException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static Sha256Sums parse(List<String> lines, String origin) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            String hex = space < 0 ? line : line.substring(0, space).toLowerCase(Locale.ROOT);
            String path = space < 0 ? "" : line.substring(space + 1).stripLeading();
            if (path.startsWith("*")) {
                path = path.substring(1);
            }
            path = normalize(path);
            if (!PinnedChecksum.isSha256(hex) || path.isEmpty()) {
                throw new ArtifactException(origin + " line " + (i + 1)
                        + ": expected '<64 hex digits>  <relative path>' as sha256sum writes it, got: " + line);
            }
            if (!relative(path)) {
                throw new ArtifactException(origin + " line " + (i + 1)
                        + ": the path must be relative to the folder, without '..' or control characters, got: " + line);
            }
            String previous = out.put(path, hex);
            if (previous != null && !previous.equals(hex)) {
                throw new ArtifactException(origin + " line " + (i + 1) + ": lists " + path + " twice with different checksums");
            }
        }
        return new Sha256Sums(out);
    }

    /** The checksum listed for a relative path. */
    public Optional<String> get(String relativePath) {
        return Optional.ofNullable(byPath.get(normalize(relativePath)));
    }

    private static boolean relative(String path) {
        if (path.startsWith("/") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    public static String normalize(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }
}
