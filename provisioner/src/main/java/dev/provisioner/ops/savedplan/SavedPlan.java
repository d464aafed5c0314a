package dev.provisioner.ops.savedplan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a plan was computed from and what it would do, as written by {@code plan --out}.
 *
 * @param inventory  SHA-256 of the inventory as loaded
 * @param templates  template name (or {@code built-in}) to its SHA-256 (or the provisioner version)
 * @param desired    {@code HOST:PATH} of every file the plan renders to the SHA-256 of its content
 * @param facts      per host, {@link FactLines}
 * @param actions    per host, one line per action: {@code phase / step / kind / description / diff digest}
 */
public record SavedPlan(String inventory, SortedMap<String, String> templates, SortedMap<String, String> desired,
                        SortedMap<String, SortedMap<String, String>> facts, SortedMap<String, List<String>> actions) {
    static final String HEADER = "# provisioner saved plan, format 1: apply it with `provisioner apply --plan FILE`";

    public SavedPlan {
        templates = new TreeMap<>(templates);
        desired = new TreeMap<>(desired);
        SortedMap<String, SortedMap<String, String>> f = new TreeMap<>();
        facts.forEach((h, m) -> f.put(h, new TreeMap<>(m)));
        facts = f;
        SortedMap<String, List<String>> a = new TreeMap<>();
        actions.forEach((h, l) -> a.put(h, List.copyOf(l)));
        actions = a;
    }

    /** The file's text: one tab-separated record a line, tabs, newlines and backslashes escaped. */
    public String text() {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        line(s, "inventory", inventory);
        templates.forEach((k, v) -> line(s, "template", k, v));
        desired.forEach((k, v) -> line(s, "desired", k, v));
        facts.forEach((h, m) -> m.forEach((k, v) -> line(s, "fact", h, k, v)));
        actions.forEach((h, l) -> l.forEach(a -> line(s, "action", h, a)));
        return s.toString();
    }

    public void write(Path file) {
        try {
            Files.writeString(file, text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a file written by {@link #write}; a malformed line is an error naming the file and line. */
    public static SavedPlan read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the plan file " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalArgumentException(file + ":1: not a saved plan of this provisioner (expected the line '" + HEADER + "')");
        }
        String inventory = null;
        SortedMap<String, String> templates = new TreeMap<>();
        SortedMap<String, String> desired = new TreeMap<>();
        SortedMap<String, SortedMap<String, String>> facts = new TreeMap<>();
        SortedMap<String, List<String>> actions = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            for (int k = 0; k < f.length; k++) {
                f[k] = unescape(f[k]);
            }
            int expected = switch (f[0]) {
                case "inventory" -> 2;
                case "template", "desired", "action" -> 3;
                case "fact" -> 4;
                default -> -1;
            };
            if (expected != f.length) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": malformed record '" + f[0] + "' ("
                        + f.length + " fields); the file was not written by plan --out or was edited");
            }
            switch (f[0]) {
                case "inventory" -> inventory = f[1];
                case "template" -> templates.put(f[1], f[2]);
                case "desired" -> desired.put(f[1], f[2]);
                case "fact" -> facts.computeIfAbsent(f[1], h -> new TreeMap<>()).put(f[2], f[3]);
                default -> actions.computeIfAbsent(f[1], h -> new ArrayList<>()).add(f[2]);
            }
        }
        if (inventory == null) {
            throw new IllegalArgumentException(file + ": no inventory record; the file is incomplete");
        }
        return new SavedPlan(inventory, templates, desired, facts, actions);
    }

    private static void line(StringBuilder s, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            s.append(i == 0 ? "" : "\t").append(escape(fields[i]));
        }
        s.append('\n');
    }

    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String v) {
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Lines of the form {@code KEY: saved X, now Y} for every key whose value differs between two maps. */
    static List<String> differences(Map<String, String> saved, Map<String, String> now) {
        List<String> out = new ArrayList<>();
        TreeMap<String, Boolean> keys = new TreeMap<>();
        saved.keySet().forEach(k -> keys.put(k, true));
        now.keySet().forEach(k -> keys.put(k, true));
        for (String k : keys.keySet()) {
            String a = saved.get(k);
            String b = now.get(k);
            if (a == null || !a.equals(b)) {
                out.add(k + ": saved " + (a == null ? "(none)" : a) + ", now " + (b == null ? "(none)" : b));
            }
        }
        return out;
    }
}
