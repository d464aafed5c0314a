package dev.provisioner.inventory;

import dev.provisioner.inventory.Tree.Location;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Loads inventories with an injectable environment (for {@code ${env:NAME}}) and home directory
 * (for {@code ~/}). Immutable; the {@code with...} methods return new loaders.
 *
 * <pre>{@code
 * Inventory inv = Inventory.loader().withEnv(Map.of("SUDO_PASSWORD", "s3cret")::get).load(path);
 * }</pre>
 */
public final class InventoryLoader {
    private final Function<String, String> env;
    private final Path home;

    private InventoryLoader(Function<String, String> env, Path home) {
        this.env = Objects.requireNonNull(env, "env");
        this.home = Objects.requireNonNull(home, "home");
    }

    /** The process environment and {@code user.home}. */
    public static InventoryLoader standard() {
        return new InventoryLoader(System::getenv, Path.of(System.getProperty("user.home", "/")));
    }

    /** Looks environment variables up with {@code env} (returns null for unset variables). */
    public InventoryLoader withEnv(Function<String, String> env) {
        return new InventoryLoader(env, home);
    }

    /** Expands {@code ~/} to {@code home}. */
    public InventoryLoader withHome(Path home) {
        return new InventoryLoader(env, home);
    }

    /**
     * Reads and validates {@code file}; relative paths and {@code ${file:...}} inside it resolve against
     * its folder. Problems name the file as given.
     *
     * @throws InventoryException with every problem when the file is unreadable or invalid
     */
    public Inventory load(Path file) {
        String name = file.toString();
        Problems problems = new Problems(name);
        String text = null;
        try {
            if (Files.isDirectory(file)) {
                problems.error("", Location.NONE, "the path is a directory, not a file", "give the inventory file, e.g. inventories/blog-2018.yaml");
            } else {
                text = InventoryText.decode(read(file), problems);
            }
        } catch (NoSuchFileException e) {
            problems.error("", Location.NONE, "the file does not exist", "check the path given with -i");
        } catch (IOException | RuntimeException e) {
            problems.error("", Location.NONE, "cannot read the file (" + e.getClass().getSimpleName() + ")", "check its permissions");
        }
        if (problems.hasErrors()) {
            throw new InventoryException(problems.all());
        }
        Path dir = file.toAbsolutePath().getParent();
        return read(text, name, dir == null ? Path.of("").toAbsolutePath() : dir, problems);
    }

    /** At most one byte more than the limit, whatever the file is (a pipe or /dev/zero never ends). */
    private static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(YamlTrees.MAX_SIZE + 1);
        }
    }

    /** Validates YAML text; relative paths resolve against {@code baseDirectory}. */
    public Inventory parse(String yaml, String sourceName, Path baseDirectory) {
        return read(yaml, sourceName, baseDirectory, new Problems(sourceName));
    }

    private Inventory read(String text, String name, Path baseDirectory, Problems problems) {
        return build(YamlTrees.read(text, problems), name, baseDirectory, problems);
    }

    Inventory build(Tree root, String name, Path baseDirectory, Problems problems) {
        LocalPaths paths = new LocalPaths(baseDirectory.toAbsolutePath(), home);
        return InventoryParser.parse(root, problems, new SecretResolver(env, paths), paths, name);
    }
}
