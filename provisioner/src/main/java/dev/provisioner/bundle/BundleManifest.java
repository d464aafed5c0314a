package dev.provisioner.bundle;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.yaml} of a bundle: what it is for and every file it holds with its SHA-256.
 *
 * @param cluster  the inventory's cluster name
 * @param releases one line per release file: {@code component version arch path}
 * @param images   image reference to the path of its OCI archive inside the bundle
 * @param files    path inside the bundle to SHA-256, for every file except {@code manifest.yaml} and
 *                 {@code SHA256SUMS}
 */
public record BundleManifest(String cluster, List<String> releases, Map<String, String> images,
                             Map<String, String> files) {
    /** The file name inside the bundle. */
    public static final String FILE_NAME = "manifest.yaml";
    /** The only format this version reads and writes. */
    public static final String FORMAT = "provisioner-bundle/1";

    public BundleManifest {
        releases = List.copyOf(releases);
        images = new TreeMap<>(images);
        files = new TreeMap<>(files);
    }

    String toYaml() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("cluster", cluster);
        doc.put("releases", new ArrayList<>(releases));
        doc.put("images", new LinkedHashMap<>(images));
        doc.put("files", new LinkedHashMap<>(files));
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(o).dump(doc);
    }

    @SuppressWarnings("unchecked")
    static BundleManifest parse(String yaml, String origin) {
        try {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (!(doc instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format"))) {
                throw new BundleException(origin + " is not a " + FORMAT + " manifest");
            }
            Map<String, String> images = strings(m.get("images"));
            Map<String, String> files = strings(m.get("files"));
            List<String> releases = new ArrayList<>();
            Object list = m.get("releases");
            if (list != null) {
                ((List<Object>) list).forEach(r -> releases.add(String.valueOf(r)));
            }
            return new BundleManifest(String.valueOf(m.get("cluster")), releases, images, files);
        } catch (YAMLException | ClassCastException e) {
            throw new BundleException(origin + " is not a valid bundle manifest: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Object map) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map != null) {
            ((Map<Object, Object>) map).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }
}
