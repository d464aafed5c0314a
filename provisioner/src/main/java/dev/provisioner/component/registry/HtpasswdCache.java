package dev.provisioner.component.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The state directory's copy of the registry's htpasswd line ({@value #FILE}), so that a fresh process does not
 * run bcrypt again for a line it computed before: at cost 10 that is about 90 ms of CPU on the controller's main
 * thread, before any host is contacted, on every run that renders the registry host's files.
 *
 * <p>The file holds one line, {@code <key> <htpasswd line>}. The key ({@link Htpasswd}) is an HMAC-SHA256, keyed by
 * the password, of everything the htpasswd line depends on (user, cluster, bcrypt version and cost): another
 * password, user or cluster finds another key and computes the line again, and the key reveals nothing of the
 * password. The line itself is the bcrypt hash the registry host holds anyway; the state directory also holds the
 * password in clear ({@link RegistryPush#CREDENTIALS_FILE}). The file is created 0600 and replaced atomically; a
 * state directory that cannot be written only costs the speed-up.
 */
final class HtpasswdCache {
    static final String FILE = "registry/htpasswd.cache";
    private static final Logger LOG = LoggerFactory.getLogger(HtpasswdCache.class);
    /** A line as {@link Htpasswd} writes it: user, a bcrypt hash of our version and cost (53 characters after it). */
    private static final Pattern LINE = Pattern.compile("[^:\\s]+:\\$2y\\$10\\$[./A-Za-z0-9]{53}");

    private final Path file;

    HtpasswdCache(Path stateDirectory) {
        this.file = stateDirectory.resolve(FILE);
    }

    /** The cached line (with its newline) when the file has one under {@code key} for {@code user}. */
    Optional<String> read(String key, String user) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("cannot read {}: {}", file, e.toString());
            return Optional.empty();
        }
        int space = text.indexOf(' ');
        if (space < 0 || !text.substring(0, space).equals(key)) {
            return Optional.empty();
        }
        String line = text.substring(space + 1);
        return LINE.matcher(line).matches() && line.startsWith(user + ":") ? Optional.of(line + "\n") : Optional.empty();
    }

    /** Stores {@code line} under {@code key}: a 0600 temporary file renamed over the old one; failures are logged. */
    void write(String key, String line) {
        Path tmp = null;
        try {
            Path dir = file.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            tmp = Files.createTempFile(dir, ".htpasswd.cache.", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, key + " " + line.strip() + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot write {}: {}", file, e.toString());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file stays; it holds nothing the state directory does not hold
                }
            }
        }
    }
}
