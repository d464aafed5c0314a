package dev.provisioner.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code <state>/pki} folder: {@code <name>.crt} (0644), {@code <name>.key} (0600),
 * {@code sa.pub} (0644), every folder 0700. Names may contain {@code /} (e.g. {@code etcd/ca}).
 */
final class PkiStore {
    static final String DIRECTORY = "pki";

    private final Path dir;

    private PkiStore(Path dir) {
        this.dir = dir;
    }

    /** The store of {@code stateDirectory}; creates nothing. */
    static PkiStore of(Path stateDirectory) {
        return new PkiStore(stateDirectory.resolve(DIRECTORY));
    }

    /** A store whose files live directly in {@code dir} (for certificates written to an output folder). */
    static PkiStore at(Path dir) {
        return new PkiStore(dir);
    }

    Path directory() {
        return dir;
    }

    boolean exists() {
        return Files.isDirectory(dir);
    }

    /** Creates the folder (0700) and takes an exclusive lock on it, so two runs never mint two CAs. */
    StoreLock lock() {
        AtomicFiles.directory(dir);
        AtomicFiles.restrict(dir, AtomicFiles.DIR_MODE);
        return StoreLock.acquire(dir.resolve(".lock"));
    }

    Path cert(String name) {
        return dir.resolve(name + ".crt");
    }

    Path key(String name) {
        return dir.resolve(name + ".key");
    }

    Path pub(String name) {
        return dir.resolve(name + ".pub");
    }

    Optional<byte[]> read(Path file) {
        return AtomicFiles.read(file);
    }

    void writeKey(Path file, byte[] pem) {
        AtomicFiles.write(file, pem, AtomicFiles.KEY_MODE);
    }

    void writePublic(Path file, byte[] pem) {
        AtomicFiles.write(file, pem, AtomicFiles.CERT_MODE);
    }

    /** Puts modes right on reused files and the folders between them and the store's root, without touching content. */
    void restrictModes(String name) {
        AtomicFiles.restrict(key(name), AtomicFiles.KEY_MODE);
        AtomicFiles.restrict(cert(name), AtomicFiles.CERT_MODE);
        AtomicFiles.restrict(pub(name), AtomicFiles.CERT_MODE);
        for (Path p = key(name).getParent(); p != null && p.startsWith(dir) && !p.equals(dir); p = p.getParent()) {
            AtomicFiles.restrict(p, AtomicFiles.DIR_MODE);
        }
    }

    /** Names of every {@code .crt} in the store, sorted. */
    List<String> certificateNames() {
        if (!exists()) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".crt") && Files.isRegularFile(p))
                    .map(p -> {
                        String rel = dir.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                        return rel.substring(0, rel.length() - ".crt".length());
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new PkiException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
