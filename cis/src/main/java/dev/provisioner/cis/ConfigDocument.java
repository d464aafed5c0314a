package dev.provisioner.cis;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A component config file (KubeletConfiguration, KubeProxyConfiguration, ...) parsed with SnakeYAML,
 * answering kube-bench jsonpath lookups with the text Go's jsonpath would print.
 *
 * @param path  where the file lives on the host
 * @param root  the parsed document (a map), or null when {@code error} is set
 * @param error why the file could not be used, or null
 */
record ConfigDocument(String path, Object root, String error) {

    static ConfigDocument parse(String path, String text) {
        try {
            Object root = YamlDocs.load(text);
            if (!(root instanceof Map)) {
                return new ConfigDocument(path, null, path + " is not a YAML mapping");
            }
            return new ConfigDocument(path, root, null);
        } catch (IllegalArgumentException e) {
            return new ConfigDocument(path, null, path + " does not parse: " + e.getMessage());
        }
    }

    static ConfigDocument missing(String path) {
        return new ConfigDocument(path, null, path + " is not in the rendered output");
    }

    boolean usable() {
        return error == null;
    }

    /** The value at {@code path} as Go's jsonpath prints it; empty when missing (kube-bench: not found). */
    Optional<String> lookup(ConfigPath path) {
        Object node = root;
        for (String key : path.keys()) {
            if (!(node instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            node = map.get(key);
        }
        if (node == null) {
            return Optional.empty();
        }
        String text;
        if (path.separator() != null) {
            if (!(node instanceof List<?> list)) {
                return Optional.empty();
            }
            text = list.stream().map(e -> format(e) + path.separator()).collect(Collectors.joining());
        } else {
            text = format(node);
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A string field at a dotted path, e.g. {@code clientConnection.kubeconfig}. */
    Optional<String> string(String dotted) {
        return usable() ? lookup(new ConfigPath(List.of(dotted.split("\\.")), null)) : Optional.empty();
    }

    private static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            BigDecimal d = BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConfigDocument::format).collect(Collectors.joining(" ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ":" + format(e.getValue()))
                    .collect(Collectors.joining(" ", "map[", "]"));
        }
        return String.valueOf(value);
    }
}
