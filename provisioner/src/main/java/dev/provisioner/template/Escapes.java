package dev.provisioner.template;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The explicit escaping helpers every template can call, because configuration files (YAML, TOML,
 * systemd units, shell) have no auto-escaping output format in FreeMarker:
 * {@code ${yaml(value)}}, {@code ${json(value)}}, {@code ${sh(value)}}, {@code ${toml(value)}}.
 * Each returns the value quoted for that syntax, so a value can never break out of its field.
 */
public final class Escapes {
    private Escapes() {
    }

    /** A double-quoted YAML scalar. */
    public static String yaml(String s) {
        return json(s);
    }

    /** A JSON string literal (also a valid YAML and TOML basic string). */
    public static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A single-quoted POSIX shell word. */
    public static String sh(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** A TOML basic string. */
    public static String toml(String s) {
        return json(s);
    }

    static TemplateMethodModelEx method(String name, UnaryOperator<String> f) {
        return args -> {
            if (args.size() != 1 || !(args.get(0) instanceof TemplateScalarModel text)) {
                throw new TemplateModelException(name + "(...) takes exactly one string argument");
            }
            return f.apply(text.getAsString());
        };
    }

    static List<String> names() {
        return List.of("yaml", "json", "sh", "toml");
    }
}
