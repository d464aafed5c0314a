package dev.provisioner.inventory;

import dev.provisioner.Secret;
import dev.provisioner.inventory.Tree.Location;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:PATH}} in secret fields. The environment is a
 * function so that tests and embedders need no real environment variables. A literal value is
 * accepted with a warning.
 */
final class SecretResolver {
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern FILE = Pattern.compile("\\$\\{file:([^}]+)}");
    private static final long MAX_FILE = 64 * 1024;

    private final Function<String, String> env;
    private final LocalPaths paths;

    SecretResolver(Function<String, String> env, LocalPaths paths) {
        this.env = env;
        this.paths = paths;
    }

    /** The secret, or null after reporting why it cannot be resolved. */
    Secret resolve(String text, String path, Location at, Problems problems) {
        Matcher e = ENV.matcher(text);
        if (e.matches()) {
            String value = env.apply(e.group(1));
            if (value == null || value.isEmpty()) {
                problems.error(path, at, "environment variable " + e.group(1) + " is not set",
                        "export " + e.group(1) + " before running, or use ${file:PATH}");
                return null;
            }
            return Secret.of(value);
        }
        Matcher f = FILE.matcher(text);
        if (f.matches()) {
            return readFile(f.group(1), path, at, problems);
        }
        if (text.startsWith("${")) {
            problems.error(path, at, Complaint.show(text) + " is not a valid secret reference",
                    "write ${env:NAME} or ${file:PATH}");
            return null;
        }
        problems.warning(path, at, "secret written in plain text in the inventory",
                "use ${env:NAME} or ${file:PATH} instead");
        return Secret.of(text);
    }

    private Secret readFile(String name, String path, Location at, Problems problems) {
        Path file;
        try {
            file = paths.resolve(name);
        } catch (InvalidPathException ex) {
            problems.error(path, at, Complaint.show(name) + " is not a valid file path", "give the path of a readable file");
            return null;
        }
        try {
            if (!Files.isRegularFile(file)) {
                problems.error(path, at, "secret file " + file + " does not exist", "create it or correct the path (relative paths start at the inventory's folder)");
                return null;
            }
            if (Files.size(file) > MAX_FILE) {
                problems.error(path, at, "secret file " + file + " is larger than 64 KiB", "point at the file that holds only the secret");
                return null;
            }
            String value = Files.readString(file, StandardCharsets.UTF_8);
            value = value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
                    : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
            if (value.isEmpty()) {
                problems.error(path, at, "secret file " + file + " is empty", "write the secret into the file");
                return null;
            }
            return Secret.of(value);
        } catch (IOException | RuntimeException ex) {
            problems.error(path, at, "cannot read secret file " + file + " (" + ex.getClass().getSimpleName() + ")",
                    "check the file's permissions");
            return null;
        }
    }
}
