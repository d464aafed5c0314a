package dev.provisioner.artifacts;

import dev.provisioner.PrivateDirectories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Verified release files on the controller: {@code <root>/<sha256>/<file name>}, and the binaries taken
 * out of an archive in {@code <root>/<sha256>/bin/}. Files arrive through {@code <root>/tmp/} and are
 * renamed into place only after their checksum matched, so the cache never holds unverified bytes.
 */
final class ArtifactCache {
    private static final Logger LOG = LoggerFactory.getLogger(ArtifactCache.class);

    private final Path root;

    ArtifactCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** The cached file with this checksum, re-hashed first; a damaged entry is removed and reported absent. */
    Optional<Path> lookup(String sha256, String fileName) {
        Path file = root.resolve(sha256).resolve(fileName);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String actual = HashingCopy.hash(file);
            if (actual.equals(sha256)) {
                return Optional.of(file);
            }
            LOG.warn("cached {} has SHA-256 {} instead of {}; removing it", file, actual, sha256);
        } catch (IOException e) {
            LOG.warn("cannot read cached {}: {}; removing it", file, e.getMessage());
        }
        deleteTree(root.resolve(sha256));
        return Optional.empty();
    }

    /** A new empty temporary file inside the cache (same file system as the entries). */
    Path newTempFile() {
        try {
            Path tmp = PrivateDirectories.create(root.resolve("tmp"));
            return Files.createTempFile(tmp, "part-", ".tmp");
        } catch (IOException e) {
            throw new ArtifactException("cannot write to the artifact cache " + root + ": " + e.getMessage(), e);
        }
    }

    /** Moves a verified temporary file to {@code <root>/<sha256>/<fileName>}; executables get mode 0755. */
    Path commit(Path temp, String sha256, String fileName, boolean executable) {
        try {
            Path dir = PrivateDirectories.create(root.resolve(sha256));
            Path target = dir.resolve(fileName);
            setMode(temp, executable ? "rwxr-xr-x" : "rw-r--r--");
            move(temp, target);
            return target;
        } catch (IOException e) {
            discard(temp);
            throw new ArtifactException("cannot store " + fileName + " in the artifact cache " + root + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The binaries of a cached archive, extracted once into {@code <root>/<sha256>/bin/}.
     *
     * @param wanted installed name to path inside the archive
     */
    Map<String, Path> binaries(Path archive, String sha256, Map<String, String> wanted) {
        Path bin = root.resolve(sha256).resolve("bin");
        Map<String, Path> existing = present(bin, wanted);
        if (existing != null) {
            return existing;
        }
        deleteTree(bin);
        Path work = null;
        try {
            work = Files.createTempDirectory(PrivateDirectories.create(root.resolve("tmp")), "extract-");
            Map<String, String> byArchivePath = new LinkedHashMap<>();
            wanted.forEach((name, path) -> byArchivePath.put(path, name));
            Map<String, Path> written = ArchiveExtractor.extract(archive, byArchivePath, work);
            for (Map.Entry<String, String> w : wanted.entrySet()) {
                if (!written.containsKey(w.getKey())) {
                    throw new ArtifactException(archive.getFileName() + " has no regular file '" + w.getValue()
                            + "' (needed as " + w.getKey() + "); is it the right release file?");
                }
                setMode(written.get(w.getKey()), "rwxr-xr-x");
            }
            move(work, bin);
            work = null;
            return present(bin, wanted);
        } catch (IOException e) {
            throw new ArtifactException("cannot extract " + archive + ": " + e.getMessage(), e);
        } finally {
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    /** Deletes a temporary file, quietly. */
    void discard(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("cannot delete temporary file {}: {}", temp, e.getMessage());
        }
    }

    private static Map<String, Path> present(Path bin, Map<String, String> wanted) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (String name : wanted.keySet()) {
            Path p = bin.resolve(name);
            if (!Files.isRegularFile(p)) {
                return null;
            }
            out.put(name, p);
        }
        return out;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another run committed the same verified content first: keep theirs
            deleteTree(from);
        }
    }

    private static void setMode(Path p, String mode) throws IOException {
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path x : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", p, e.getMessage());
        }
    }
}
