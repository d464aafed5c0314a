package dev.provisioner.cis;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Loads the CIS-clean fixtures in {@code src/test/resources/cis/<dir>} (manifest + files tree). */
final class CisFixtures {
    private CisFixtures() {}

    static RenderedHost master() {
        return load("master");
    }

    static RenderedHost node() {
        return load("node");
    }

    static List<RenderedHost> cluster() {
        return List.of(master(), node());
    }

    static RenderedHost load(String dir) {
        Map<?, ?> manifest = (Map<?, ?>) yaml().load(text("/cis/" + dir + "/manifest.yaml"));
        List<RenderedFile> files = new ArrayList<>();
        for (Object o : (List<?>) manifest.get("entries")) {
            Map<?, ?> e = (Map<?, ?>) o;
            String path = (String) e.get("path");
            int mode = Integer.parseInt((String) e.get("mode"), 8);
            String owner = (String) e.get("owner");
            String group = (String) e.get("group");
            files.add(Boolean.TRUE.equals(e.get("dir")) ? RenderedFile.directory(path, mode, owner, group)
                    : RenderedFile.file(path, text("/cis/" + dir + "/files" + path), mode, owner, group));
        }
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) manifest.get("roles");
        return new RenderedHost((String) manifest.get("host"), new HashSet<>(roles), files);
    }

    static String text(String resource) {
        try (InputStream in = CisFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
