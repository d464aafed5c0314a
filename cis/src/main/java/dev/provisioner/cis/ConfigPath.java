package dev.provisioner.cis;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two kube-bench jsonpath forms the benchmark uses on component config files: a field,
 * {@code {.authentication.anonymous.enabled}}, and a list joined with a separator,
 * {@code {range .tlsCipherSuites[:]}{}{','}{end}}.
 *
 * @param keys      map keys from the document root
 * @param separator for the list form, the text after each element; null for the field form
 */
record ConfigPath(List<String> keys, String separator) {
    private static final Pattern FIELD = Pattern.compile("\\{\\.([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)}");
    private static final Pattern RANGE =
            Pattern.compile("\\{range \\.([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)\\[:]}\\{}\\{'([^']*)'}\\{end}");

    ConfigPath {
        keys = List.copyOf(keys);
    }

    /** Parses one of the two forms; throws {@link IllegalArgumentException} for anything else. */
    static ConfigPath parse(String jsonpath) {
        Matcher field = FIELD.matcher(jsonpath);
        if (field.matches()) {
            return new ConfigPath(List.of(field.group(1).split("\\.")), null);
        }
        Matcher range = RANGE.matcher(jsonpath);
        if (range.matches()) {
            return new ConfigPath(List.of(range.group(1).split("\\.")), range.group(2));
        }
        throw new IllegalArgumentException("unsupported jsonpath: " + jsonpath);
    }

    /** The dotted field name, e.g. {@code authentication.anonymous.enabled}. */
    String display() {
        return String.join(".", keys) + (separator != null ? "[]" : "");
    }
}
