package dev.provisioner.artifacts;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates the catalogue document; every problem names the component and field. */
final class CatalogParser {
    private final String origin;

    CatalogParser(String origin) {
        this.origin = origin;
    }

    ArtifactCatalog parse(String yaml) {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw fail("is not valid YAML: " + e.getMessage());
        }
        Map<String, Object> root = map(doc, "the document");
        Map<String, String> sources = new LinkedHashMap<>();
        map(root.getOrDefault("sources", Map.of()), "sources").forEach((k, v) -> sources.put(k, String.valueOf(v)));
        Map<String, ComponentLayout> layouts = new LinkedHashMap<>();
        List<PinnedChecksum> pins = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, Object> e : map(root.get("components"), "components").entrySet()) {
            String name = e.getKey();
            Map<String, Object> c = map(e.getValue(), name);
            layouts.put(name, layout(name, c));
            for (Object p : list(c.getOrDefault("pins", List.of()), name + ".pins")) {
                PinnedChecksum pin = pin(name, map(p, name + ".pins[]"), sources);
                if (!seen.add(name + " " + pin.version() + " " + pin.arch())) {
                    throw fail(name + ": version " + pin.version() + " " + pin.arch() + " is pinned twice");
                }
                pins.add(pin);
            }
        }
        return new ArtifactCatalog(layouts, pins, sources);
    }

    private ComponentLayout layout(String name, Map<String, Object> c) {
        String url = text(c, "url", name);
        URI probe;
        try {
            probe = new URI(ComponentLayout.expand(url, "0.0.0", Arch.AMD64));
        } catch (java.net.URISyntaxException e) {
            throw fail(name + ".url is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + "): " + url);
        }
        if (!probe.isAbsolute() || !("https".equals(probe.getScheme()) || "http".equals(probe.getScheme()))) {
            throw fail(name + ".url must be an absolute http(s) URL: " + url);
        }
        String file = text(c, "file", name);
        if (file.startsWith("/") || List.of(file.split("/")).contains("..") || file.contains("\\")) {
            throw fail(name + ".file must be a relative path without '..': " + file);
        }
        ArchiveKind kind;
        try {
            kind = ArchiveKind.parse(text(c, "kind", name));
        } catch (ArtifactException e) {
            throw fail(name + ".kind: " + e.getMessage());
        }
        Map<String, String> binaries = new LinkedHashMap<>();
        if (kind == ArchiveKind.RAW) {
            binaries.put(text(c, "binary", name), "");
        } else {
            Map<?, ?> declared = map(c.get("binaries"), name + ".binaries"); // YAML keys may be any scalar
            declared.forEach((k, v) -> {
                if (k == null) {
                    throw fail(name + ".binaries: an entry has no binary name");
                }
                binaries.put(String.valueOf(k), String.valueOf(v));
            });
        }
        String checksums = null;
        if (c.containsKey("checksums")) {
            checksums = text(c, "checksums", name);
            URI sums = URI.create(ComponentLayout.expand(checksums, "0.0.0", Arch.AMD64));
            if (!"https".equals(sums.getScheme()) || !"https".equals(probe.getScheme())
                    || !String.valueOf(sums.getHost()).equals(probe.getHost())) {
                throw fail(name + ".checksums must be an https URL on the same host as the https url (the same release): " + checksums);
            }
        }
        try {
            return new ComponentLayout(name, url, file, kind, binaries, checksums);
        } catch (ArtifactException e) {
            throw fail(e.getMessage());
        }
    }

    private PinnedChecksum pin(String name, Map<String, Object> p, Map<String, String> sources) {
        String version = text(p, "version", name + ".pins[]");
        String source = text(p, "source", name + ".pins[" + version + "]");
        if (!sources.containsKey(source)) {
            throw fail(name + " " + version + ": source '" + source + "' is not listed under sources");
        }
        try {
            return new PinnedChecksum(name, version, Arch.parse(text(p, "arch", name + ".pins[" + version + "]")),
                    text(p, "sha256", name + ".pins[" + version + "]"), source);
        } catch (ArtifactException e) {
            throw fail(e.getMessage());
        }
    }

    private String text(Map<String, Object> m, String key, String where) {
        Object v = m.get(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw fail(where + "." + key + " must be a non-empty string (quote versions)");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object o, String where) {
        if (!(o instanceof Map)) {
            throw fail(where + " must be a mapping");
        }
        return (Map<String, Object>) o;
    }

    private List<?> list(Object o, String where) {
        if (!(o instanceof List<?> l)) {
            throw fail(where + " must be a list");
        }
        return l;
    }

    private ArtifactException fail(String message) {
        return new ArtifactException("artifact catalogue " + origin + ": " + message);
    }
}
