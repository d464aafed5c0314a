package dev.provisioner.images;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An OCI image archive: a tar of an OCI image layout whose {@code index.json} names the images it holds, by
 * the annotation {@code io.containerd.image.name} (full reference, as containerd and buildkit write it) or
 * {@code org.opencontainers.image.ref.name} when that is a full reference.
 *
 * @param file       the archive on the controller
 * @param references the image references it holds, e.g. {@code registry.k8s.io/pause:3.10}
 */
public record OciArchive(Path file, List<String> references) {
    static final String CONTAINERD_NAME = "io.containerd.image.name";
    static final String OCI_REF_NAME = "org.opencontainers.image.ref.name";

    public OciArchive {
        references = List.copyOf(references);
    }

    /**
     * Reads the references of an OCI archive.
     *
     * @throws IllegalArgumentException when the file is not an OCI archive or names no image
     */
    public static OciArchive read(Path file) {
        String index = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
                if (name.equals("index.json") && e.isFile() && e.getSize() < (1 << 20)) {
                    index = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a readable OCI image archive (tar): " + e.getMessage(), e);
        }
        if (index == null) {
            throw new IllegalArgumentException(file + " is not an OCI image archive: it has no index.json");
        }
        List<String> refs = references(index, file);
        if (refs.isEmpty()) {
            throw new IllegalArgumentException(file + ": index.json names no image (annotation " + CONTAINERD_NAME
                    + " or a full " + OCI_REF_NAME + ")");
        }
        return new OciArchive(file, refs);
    }

    @SuppressWarnings("unchecked")
    private static List<String> references(String indexJson, Path file) {
        List<String> out = new ArrayList<>();
        try {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(indexJson);
            Object manifests = doc instanceof Map<?, ?> m ? m.get("manifests") : null;
            if (manifests instanceof List<?> list) {
                for (Object o : list) {
                    Object ann = o instanceof Map<?, ?> mm ? mm.get("annotations") : null;
                    if (ann instanceof Map<?, ?> a) {
                        Object full = a.get(CONTAINERD_NAME);
                        Object ref = a.get(OCI_REF_NAME);
                        String name = full != null ? full.toString()
                                : ref != null && ref.toString().contains("/") ? ref.toString() : null;
                        if (name != null && !out.contains(name)) {
                            out.add(name);
                        }
                    }
                }
            }
        } catch (YAMLException | ClassCastException e) {
            throw new IllegalArgumentException(file + ": index.json is not valid JSON: " + e.getMessage(), e);
        }
        return out;
    }
}
