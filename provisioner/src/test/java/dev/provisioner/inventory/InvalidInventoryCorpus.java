package dev.provisioner.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bad-input corpus (src/test/resources/invalid-inventories, see its README.md): every file with
 * the problems it must produce, plus the cases generated at test time (too large, endless, not a file).
 * Shared by the loader test and the CLI's no-connection test.
 */
public final class InvalidInventoryCorpus {
    /**
     * The corpus folder in the library module. Maven runs tests in their module's folder, so tests of
     * other modules (the CLI's) find it beside theirs.
     */
    public static final Path DIR = corpusDir();
    /** Stands for the case's folder in expected lines (messages about secret files name absolute paths). */
    public static final String FOLDER_TOKEN = "<corpus>";
    private static final String EXPECT = "# expect: ";

    private static Path corpusDir() {
        Path own = Path.of("src/test/resources/invalid-inventories");
        return Files.isDirectory(own) ? own : Path.of("../provisioner/src/test/resources/invalid-inventories");
    }
    /**
     * The valid inventory every corpus file departs from: a master-and-node and a registry host, both
     * reached on 127.0.0.1 at the placeholder SSH ports 50022 and 50023.
     */
    public static final String VALID = """
            defaults:
              auth:
                keyFile: ~/.ssh/id_ed25519
            hosts:
              - name: master
                address: 127.0.0.1
                port: 50022
                internalAddress: 10.4.4.4
                roles: [master, node]
              - name: registry
                address: 127.0.0.1
                port: 50023
                internalAddress: 10.4.4.8
                roles: [registry]
            cluster:
              name: corpus
            """;

    private InvalidInventoryCorpus() {}

    /**
     * One invalid inventory.
     *
     * @param name     how expected lines name the file
     * @param file     the file to load
     * @param folder   what {@link #FOLDER_TOKEN} stands for
     * @param expected every problem, formatted, errors first
     */
    public record Case(String name, Path file, Path folder, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }

        /** The formatted problems with the path as given replaced by {@link #name} and the folder by the token. */
        public List<String> normalize(List<String> formatted) {
            String folderText = folder.toAbsolutePath().toString();
            return formatted.stream().map(l -> l.startsWith(file.toString()) ? name + l.substring(file.toString().length()) : l)
                    .map(l -> l.replace(folderText, FOLDER_TOKEN)).toList();
        }

        /** The expected lines as printed when the file is given as {@code file} and the token means {@code folder}. */
        public List<String> expectedAs(Path file, Path folder) {
            return expected.stream().map(l -> file + l.substring(name.length()))
                    .map(l -> l.replace(FOLDER_TOKEN, folder.toAbsolutePath().toString())).toList();
        }

        /** How many of the expected problems are errors. */
        public long errorCount() {
            return expected.stream().filter(l -> !l.substring(name.length()).matches("^(:[0-9]+:[0-9]+)?: warning: .*")).count();
        }
    }

    /** Every {@code NNN-name.yaml} of the corpus folder, in order. */
    public static List<Case> files() {
        return files(DIR);
    }

    /** Every {@code NNN-name.yaml} of a copy of the corpus folder. */
    public static List<Case> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted()
                    .map(p -> new Case(p.getFileName().toString(), p, dir, expectations(p))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code # expect: } lines of a file (read leniently: some files are deliberately not UTF-8). */
    static List<String> expectations(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return text.lines().map(l -> l.startsWith("\uFEFF") ? l.substring(1) : l)
                    .filter(l -> l.startsWith(EXPECT)).map(l -> l.substring(EXPECT.length())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the cases that cannot be committed or are not files into {@code dir}: an inventory over
     * 1 MiB, a 68 KB file whose aliases expand beyond the value limit, a secret file over 64 KiB, a
     * directory, a missing file, a path below a regular file, and {@code /dev/zero} where it exists.
     */
    public static List<Case> generated(Path dir) throws IOException {
        List<Case> cases = new ArrayList<>();
        String base = VALID;

        Path big = Files.writeString(dir.resolve("oversized.yaml"), base + "#" + "x".repeat(YamlTrees.MAX_SIZE) + "\n");
        cases.add(new Case("oversized.yaml", big, dir, List.of(
                "oversized.yaml: the file is larger than 1 MiB (fix: an inventory is a few kilobytes; check that this is the right file)")));

        int items = 34_000;
        Path expansion = Files.writeString(dir.resolve("alias-expansion.yaml"), "hosts:\n  - &a [" + "x,".repeat(items - 1) + "x]\n  - &b [*a, *a]\n");
        // values are counted in document order: the root, hosts, list a and its items, list b, then each *a again as
        // the list and its items. An alias is a's own nodes, so the value over the limit is reported on line 2.
        int afterB = YamlTrees.MAX_VALUES + 1 - (3 + items) - 1;
        int item = (afterB - 1) % (items + 1) - 1;
        int column = "  - &a [".length() + 1 + 2 * item;
        cases.add(new Case("alias-expansion.yaml", expansion, dir, List.of("alias-expansion.yaml:2:" + column
                + ": the document expands to more than 100000 values through aliases"
                + " (fix: an inventory is a few kilobytes; do not repeat large lists or maps through aliases)")));

        Files.writeString(dir.resolve("big-secret.txt"), "s".repeat(64 * 1024 + 1));
        Path bigSecret = Files.writeString(dir.resolve("big-secret.yaml"), base.replace("  auth:\n", "  sudoPassword: ${file:big-secret.txt}\n  auth:\n"));
        cases.add(new Case("big-secret.yaml", bigSecret, dir, List.of("big-secret.yaml:2:17: defaults.sudoPassword: secret file "
                + FOLDER_TOKEN + "/big-secret.txt is larger than 64 KiB (fix: point at the file that holds only the secret)")));

        Path directory = Files.createDirectories(dir.resolve("a-directory.yaml"));
        cases.add(new Case("a-directory.yaml", directory, dir, List.of(
                "a-directory.yaml: the path is a directory, not a file (fix: give the inventory file, e.g. inventories/blog-2018.yaml)")));

        cases.add(new Case("missing.yaml", dir.resolve("missing.yaml"), dir, List.of(
                "missing.yaml: the file does not exist (fix: check the path given with -i)")));

        Files.writeString(dir.resolve("plain-file"), "not a directory\n");
        cases.add(new Case("plain-file/inventory.yaml", dir.resolve("plain-file/inventory.yaml"), dir, List.of(
                "plain-file/inventory.yaml: cannot read the file (FileSystemException) (fix: check its permissions)")));

        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            cases.add(new Case("/dev/zero", zero, dir, List.of(
                    "/dev/zero: the file is larger than 1 MiB (fix: an inventory is a few kilobytes; check that this is the right file)")));
        }
        return cases;
    }
}
