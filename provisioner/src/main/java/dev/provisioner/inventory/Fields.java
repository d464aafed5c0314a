package dev.provisioner.inventory;

import dev.provisioner.Secret;
import dev.provisioner.inventory.Complaint.Check;
import dev.provisioner.inventory.Tree.Entry;
import dev.provisioner.inventory.Tree.Kind;
import dev.provisioner.inventory.Tree.Location;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed, located reading of one mapping of the document. Every reader reports its own problems and
 * returns null for a missing-and-invalid value, so that parsing always continues and all errors
 * come out at once. Unknown keys are reported when the mapping is opened.
 */
final class Fields {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_./-]+");

    private final Tree.Mapping map;
    private final String path;
    private final Location location;
    private final Problems problems;

    private Fields(Tree.Mapping map, String path, Location location, Problems problems) {
        this.map = map;
        this.path = path;
        this.location = location;
        this.problems = problems;
    }

    /** Opens {@code node} as a mapping allowed to hold {@code keys}; an absent node gives an empty reader. */
    static Fields open(Tree node, String path, Set<String> keys, Problems problems) {
        if (node == null || isNull(node)) {
            return new Fields(null, path, problems.locationOf(path), problems);
        }
        problems.remember(path, node.location());
        if (!(node instanceof Tree.Mapping m)) {
            problems.error(path, node.location(), "expected a mapping of keys (" + String.join(", ", ordered(keys)) + "), found " + Values.describe(node),
                    path.isEmpty() ? "start from inventories/blog-2018.yaml" : "write the keys indented under '" + Problems.field(path) + ":'");
            return new Fields(null, path, node.location(), problems);
        }
        for (Entry e : m.entries()) {
            String child = child(path, e.key());
            problems.remember(child, e.value().location());
            if (!keys.contains(e.key())) {
                String near = Suggest.closest(e.key(), keys);
                problems.error(child, e.keyLocation(), "unknown key " + Complaint.show(e.key())
                                + (near == null ? "" : " (did you mean '" + near + "'?)"),
                        "valid keys here: " + String.join(", ", ordered(keys)));
            }
        }
        return new Fields(m, path, node.location(), problems);
    }

    /** True when the node was a mapping (possibly empty), false when absent or of another type. */
    boolean isMapping() {
        return map != null;
    }

    String path() {
        return path;
    }

    Location location() {
        return location;
    }

    Problems problems() {
        return problems;
    }

    String pathOf(String key) {
        return child(path, key);
    }

    /** True when the key is present with a non-null value. */
    boolean has(String key) {
        return raw(key) != null;
    }

    Tree raw(String key) {
        Tree t = map == null ? null : map.get(key);
        return t == null || isNull(t) ? null : t;
    }

    Fields mapping(String key, Set<String> keys) {
        return open(raw(key), pathOf(key), keys, problems);
    }

    /** Reports a missing key and returns false, or returns true when it is present. */
    boolean require(String key, String hint) {
        if (has(key)) {
            return true;
        }
        problems.error(pathOf(key), location, "missing required key '" + key + "'", hint);
        return false;
    }

    /** A string that must pass {@link SafeText} and {@code check}; {@code fallback} when absent, null when invalid. */
    String text(String key, Check check, String fallback) {
        Tree t = raw(key);
        return t == null ? fallback : Values.text(t, pathOf(key), SafeText::check, check, problems);
    }

    Integer integer(String key, int fallback, int min, int max) {
        Tree t = raw(key);
        return t == null ? Integer.valueOf(fallback) : Values.integer(t, pathOf(key), min, max, problems);
    }

    Boolean bool(String key, boolean fallback) {
        Tree t = raw(key);
        return t == null ? Boolean.valueOf(fallback) : Values.bool(t, pathOf(key), problems);
    }

    /** One of the enum's constants, written in lowercase with '-' for '_'. */
    <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        Tree t = raw(key);
        return t == null ? fallback : Values.choice(t, pathOf(key), type, problems);
    }

    /** A secret field: {@code ${env:NAME}}, {@code ${file:PATH}} or a literal (warned); null when absent or unresolvable. */
    Secret secret(String key, SecretResolver resolver) {
        Tree t = raw(key);
        if (t == null) {
            return null;
        }
        if (t instanceof Tree.Scalar s && s.secret() != null) {
            return s.secret();
        }
        if (t instanceof Tree.Scalar s && Values.trap(s) != null) {
            // The usual message quotes the value; a secret is never shown (consoles, CI logs).
            problems.error(pathOf(key), t.location(), "YAML 1.1 reads this secret as " + (s.kind() == Kind.BOOL ? "a boolean" : "a number")
                    + ", not as the text written (value not shown)", "quote it");
            return null;
        }
        String v = Values.text(t, pathOf(key), Check.ANY, Check.ANY, problems);
        return v == null ? null : resolver.resolve(v, pathOf(key), t.location(), problems);
    }

    /** A local path ({@code ~/} expanded, relative to the inventory's folder); {@code fallback} when absent. */
    Path localPath(String key, LocalPaths paths, String fallback) {
        String v = text(key, Syntax.PATH, fallback);
        return v == null ? null : paths.resolve(v);
    }

    /** A list of strings, each checked; null when absent, invalid items are reported and dropped. */
    List<String> list(String key, Check check) {
        Tree t = raw(key);
        if (t == null) {
            return null;
        }
        String p = pathOf(key);
        if (!(t instanceof Tree.Sequence seq)) {
            problems.error(p, t.location(), "expected a list, found " + Values.describe(t), "write [a, b] or one '- item' per line");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            Tree item = seq.items().get(i);
            String ip = p + "[" + i + "]";
            problems.remember(ip, item.location());
            String v = isNull(item) ? null : Values.text(item, ip, SafeText::check, check, problems);
            if (isNull(item)) {
                problems.error(ip, item.location(), "empty list item", "remove the empty '-' line");
            }
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** A map of strings to strings; empty when absent. */
    Map<String, String> stringMap(String key, Check keyCheck, Check valueCheck) {
        Tree t = raw(key);
        if (t == null) {
            return Map.of();
        }
        String p = pathOf(key);
        if (!(t instanceof Tree.Mapping m)) {
            problems.error(p, t.location(), "expected a mapping, found " + Values.describe(t), "write 'key: value' lines indented under '" + key + ":'");
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Entry e : m.entries()) {
            String ep = child(p, e.key());
            problems.remember(ep, e.value().location());
            Complaint bad = SafeText.check(e.key());
            bad = bad != null ? bad : keyCheck.apply(e.key());
            if (bad != null) {
                problems.error(ep, e.keyLocation(), bad.message(), bad.hint());
                continue;
            }
            String v = isNull(e.value()) ? "" : Values.text(e.value(), ep, SafeText::check, valueCheck, problems);
            if (v != null) {
                out.put(e.key(), v);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    static String child(String path, String key) {
        String k = PLAIN_KEY.matcher(key).matches() ? key : Complaint.show(key);
        return path.isEmpty() ? k : path + "." + k;
    }

    static boolean isNull(Tree t) {
        return t instanceof Tree.Scalar s && s.kind() == Kind.NULL;
    }

    static List<String> ordered(Set<String> keys) {
        return List.copyOf(keys);
    }

    /** The keys a mapping accepts, in the order they are documented (and listed in hints). */
    static Set<String> keys(String... keys) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
    }

    static String yamlName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
