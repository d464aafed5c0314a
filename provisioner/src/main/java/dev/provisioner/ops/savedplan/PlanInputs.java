package dev.provisioner.ops.savedplan;

import dev.provisioner.Version;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.template.TemplateRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The digests of what a plan is computed from without contacting a host: the inventory file, the
 * templates (each file of an override directory; the built-in ones by the provisioner's version) and
 * every file the plan renders, sensitive ones included, as SHA-256 only.
 */
public final class PlanInputs {
    private PlanInputs() {
    }

    /** SHA-256 of the inventory file's bytes (of its source name and hosts when it did not come from a file). */
    public static String inventory(Inventory inventory) {
        Path file = Path.of(inventory.source());
        try {
            return Files.isRegularFile(file) ? "sha256:" + sha256(Files.readAllBytes(file))
                    : "sha256:" + sha256((inventory.source() + "\n" + inventory.hosts()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the inventory " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code built-in} to the provisioner version, and every file of the override directory to its SHA-256. */
    public static SortedMap<String, String> templates(TemplateRenderer templates) {
        SortedMap<String, String> out = new TreeMap<>();
        out.put("built-in", "provisioner " + Version.current());
        templates.overrideDir().ifPresent(dir -> {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.put(dir.relativize(f).toString(), "sha256:" + sha256(Files.readAllBytes(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the templates in " + dir + ": " + e.getMessage(), e);
            }
        });
        return out;
    }

    /** {@code HOST:PATH} to the SHA-256 of the rendered content. */
    public static SortedMap<String, String> desired(Map<String, List<DesiredFile>> rendered) {
        SortedMap<String, String> out = new TreeMap<>();
        rendered.forEach((host, files) -> files.forEach(f ->
                out.put(host + ":" + f.path(), "sha256:" + f.sha256() + (f.sensitive() ? " (sensitive)" : ""))));
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
