package dev.provisioner.artifacts;

import dev.provisioner.PrivateDirectories;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's record of every release file's checksum, {@code <state>/artifacts.lock}: one line per file
 * with component, version, architecture, URL, SHA-256 and where the checksum came from. Later runs, and
 * other controllers sharing the state directory, verify against it, so a file republished with other bytes
 * (and another checksum) is refused. Lines are only appended, each with one write, so concurrent resolvers
 * never interleave; when a key appears twice the later line wins (a catalogue pin that replaced an entry).
 */
public final class LockFile {
    /** The file name inside the state directory. */
    public static final String FILE_NAME = "artifacts.lock";
    private static final String HEADER = "# provisioner artifact lock: component  version  arch  url  sha256  source\n"
            + "# Written by provisioner; keep it with the cluster state. Every release file is verified against it.\n";

    private final Path path;

    /** The lock file at {@code path} (it need not exist yet). */
    public LockFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    /** Where it lives. */
    public Path path() {
        return path;
    }

    /** Every entry, one per component, version and architecture, in file order. */
    public Collection<LockEntry> entries() {
        return read().values();
    }

    /** The entry for a request, if the file has one. */
    public Optional<LockEntry> get(ArtifactRequest r) {
        return Optional.ofNullable(read().get(key(r)));
    }

    /** Appends {@code entry} unless the file already holds the same checksum for it. */
    public synchronized void record(LockEntry entry) {
        Optional<LockEntry> current = get(entry.request());
        if (current.isPresent() && current.get().sha256().equals(entry.sha256())) {
            return;
        }
        try {
            PrivateDirectories.create(path.getParent());
            String text = (Files.exists(path) ? "" : HEADER) + entry.line() + "\n";
            Files.write(path, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ArtifactException("cannot write the lock file " + path + ": " + e.getMessage(), e);
        }
    }

    private Map<String, LockEntry> read() {
        Map<String, LockEntry> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(path)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ArtifactException("cannot read the lock file " + path + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 6) {
                throw new ArtifactException(path + " line " + (i + 1)
                        + ": expected 'component  version  arch  url  sha256  source', got: " + line);
            }
            try {
                LockEntry e = new LockEntry(f[0], f[1], Arch.parse(f[2]), URI.create(f[3]), f[4], f[5]);
                out.put(key(e.request()), e);
            } catch (IllegalArgumentException | ArtifactException e) {
                throw new ArtifactException(path + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String key(ArtifactRequest r) {
        return r.component() + " " + r.version() + " " + r.arch().id();
    }
}
