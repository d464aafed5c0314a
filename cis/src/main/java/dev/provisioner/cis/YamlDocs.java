package dev.provisioner.cis;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * SnakeYAML for this package: safe construction only (maps, lists, scalars), and timestamps stay
 * strings, as they do for kube-bench's Go YAML decoder into {@code interface{}}.
 */
final class YamlDocs {
    private YamlDocs() {}

    /** The first document of {@code text}; null when empty; throws {@link IllegalArgumentException} if malformed. */
    static Object load(String text) {
        try {
            for (Object doc : yaml().loadAll(text)) {
                if (doc != null) {
                    return doc;
                }
            }
            return null;
        } catch (YAMLException e) {
            throw new IllegalArgumentException(e.getMessage().lines().findFirst().orElse("malformed YAML"), e);
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(4 * 1024 * 1024);
        return new Yaml(new StringTimestamps(options));
    }

    private static final class StringTimestamps extends SafeConstructor {
        StringTimestamps(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }
    }
}
