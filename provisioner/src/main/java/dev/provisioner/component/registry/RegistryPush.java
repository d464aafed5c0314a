package dev.provisioner.component.registry;

import dev.provisioner.Secret;
import dev.provisioner.component.ComponentContext;
import dev.provisioner.inventory.RegistrySettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Who may push: one htpasswd user of the registry's push endpoint ({@link #port}: the registry port + 1).
 * The inventory's {@code cluster.registry.auth} when it gives one; otherwise user {@value #GENERATED_USER}
 * with a random password generated once into {@code <state>/registry/push-credentials} ({@code user:password},
 * created 0600) and reused. Only the bcrypt hash of the password reaches the registry host.
 *
 * @param user     the push user
 * @param password its password
 * @param source   where it came from, for messages (never the password)
 */
public record RegistryPush(String user, Secret password, String source) {
    public static final String GENERATED_USER = "push";
    public static final String CREDENTIALS_FILE = "registry/push-credentials";

    public RegistryPush {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** The push endpoint's port: the registry's pull port + 1 (5001 by default). */
    public static int port(RegistrySettings settings) {
        return settings.port() + 1;
    }

    /** The inventory's credentials, or the generated ones from the state directory (made on first use). */
    public static RegistryPush of(ComponentContext context) {
        return context.inventory().cluster().registry().auth()
                .map(a -> new RegistryPush(a.user(), a.password(), "cluster.registry.auth in the inventory"))
                .orElseGet(() -> generated(context.stateDirectory()));
    }

    static RegistryPush generated(Path stateDirectory) {
        Path file = stateDirectory.resolve(CREDENTIALS_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                String line = GENERATED_USER + ":" + HexFormat.of().formatHex(random) + "\n";
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, line, StandardCharsets.UTF_8);
                } catch (FileAlreadyExistsException raced) {
                    // another run made it first: use theirs
                }
            }
            String line = Files.readString(file, StandardCharsets.UTF_8).strip();
            int colon = line.indexOf(':');
            if (colon <= 0 || colon == line.length() - 1) {
                throw new IllegalStateException(file + ": expected one line user:password");
            }
            return new RegistryPush(line.substring(0, colon), Secret.of(line.substring(colon + 1)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the registry push credentials " + file, e);
        }
    }
}
