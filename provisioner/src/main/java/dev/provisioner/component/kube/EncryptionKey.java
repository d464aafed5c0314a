package dev.provisioner.component.kube;

import dev.provisioner.PrivateDirectories;
import dev.provisioner.inventory.EncryptionKeyRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One key for encrypting Secrets at rest (32 random bytes, CIS 1.2.27/1.2.28), kept in
 * {@code <state>/secrets/} (0600, directory 0700). A secretbox key is made on first use and reused (a new
 * key would make every stored Secret unreadable); an aescbc key is never made, only read (it exists from
 * clusters provisioned before secretbox, to keep their Secrets readable). The same key goes to every
 * master. Thread-safe.
 */
public final class EncryptionKey {
    /** File name under {@code <state>/secrets} of the aescbc key {@code key1} that releases before secretbox made. */
    public static final String FILE = "encryption-aescbc.key";
    private final Path file;
    private final boolean mayCreate;
    private String value;

    private EncryptionKey(Path file, boolean mayCreate) {
        this.file = file;
        this.mayCreate = mayCreate;
    }

    /** The key {@code ref} of the state directory: {@code encryption-<provider>-<name>.key} (the old aescbc key1: {@value #FILE}). */
    public static EncryptionKey of(Path stateDirectory, EncryptionKeyRef ref) {
        return new EncryptionKey(stateDirectory.resolve("secrets").resolve(fileName(ref)),
                ref.provider() == EncryptionKeyRef.Provider.SECRETBOX);
    }

    static String fileName(EncryptionKeyRef ref) {
        if (ref.provider() == EncryptionKeyRef.Provider.AESCBC && ref.name().equals("key1")) {
            return FILE;
        }
        return "encryption-" + ref.provider().name().toLowerCase(java.util.Locale.ROOT) + "-" + ref.name() + ".key";
    }

    /** Where the key is kept. */
    public Path file() {
        return file;
    }

    /** The key, Base64 (as EncryptionConfiguration wants it); created on first use. */
    public synchronized String base64() {
        if (value == null) {
            value = loadOrCreate();
        }
        return value;
    }

    private String loadOrCreate() {
        try {
            if (Files.isRegularFile(file)) {
                return check(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            if (!mayCreate) {
                throw new IllegalStateException("the encryption key " + file + " does not exist; an aescbc key is only read"
                        + " (to keep old Secrets readable), never made: restore it from a backup or drop it from cluster.encryption.keys");
            }
            PrivateDirectories.create(file.getParent());
            restrict(file.getParent(), "rwx------");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String text = Base64.getEncoder().encodeToString(key);
            Path temp = Files.createTempFile(file.getParent(), ".key", ".tmp");
            restrict(temp, "rw-------");
            Files.writeString(temp, text + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(temp);
            }
            return check(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the encryption key " + file, e);
        }
    }

    private String check(String text) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not Base64; restore it from a backup (it decrypts the cluster's Secrets)");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(file + " holds " + raw.length + " bytes, not 32; restore it from a backup");
        }
        return text;
    }

    private static void restrict(Path p, String mode) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }
}
