package dev.provisioner.template;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Escaping for systemd unit files and environment files (systemd.syntax(7), systemd.service(5)
 * "Command lines", systemd.exec(5) {@code EnvironmentFile=}), available to every template:
 * <ul>
 *   <li>{@code ${exec(v)}}: one word of an {@code Exec*=} line: specifiers ({@code %} becomes
 *       {@code %%}) and variables ({@code $} becomes {@code $$}) are escaped, and a word with any
 *       character outside a plain set (space, quotes, backslash, {@code ;}, control characters) is
 *       double-quoted with C escapes, so it stays one argument;</li>
 *   <li>{@code ${unit(v)}}: any other unit setting value ({@code User=}, {@code Description=},
 *       {@code EnvironmentFile=}): specifiers escaped; a line break is refused (it would start a new
 *       setting);</li>
 *   <li>{@code ${env(v)}}: a value in an environment file ({@code KEY=${env(v)}}): no specifiers
 *       there; a value outside the plain set is double-quoted with {@code \ " $ `} escaped (read the
 *       same by systemd and by a POSIX shell that sources the file); a line break is refused;</li>
 *   <li>{@code ${line(v)}}: text in a comment: returned as it is, a line break refused.</li>
 * </ul>
 * A plain value (letters, digits and {@code -_./:,=@+[]}) is written unchanged by every helper, so
 * files rendered from today's validated inventories keep their bytes.
 */
public final class SystemdEscapes {
    private SystemdEscapes() {
    }

    /** One argument of an Exec line. */
    public static String exec(String s) {
        String escaped = s.replace("%", "%%").replace("$", "$$");
        if (plain(s, "%$")) {
            return escaped;
        }
        StringBuilder b = new StringBuilder(escaped.length() + 2).append('"');
        for (char c : escaped.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A unit setting's value other than an Exec line. */
    public static String unit(String s) {
        return singleLine(s, "a unit file setting").replace("%", "%%");
    }

    /** A value in an environment file. */
    public static String env(String s) {
        singleLine(s, "an environment file value");
        if (plain(s, "")) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '"' || c == '$' || c == '`') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    /** Text inside a comment line. */
    public static String line(String s) {
        return singleLine(s, "a comment");
    }

    private static boolean plain(String s, String alsoPlain) {
        return !s.isEmpty() && s.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || "-_./:,=@+[]".indexOf(c) >= 0 || alsoPlain.indexOf(c) >= 0);
    }

    private static String singleLine(String s, String where) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == 0 || c == 0x7f || (c < 0x20 && c != '\t')) {
                throw new IllegalArgumentException(String.format("a control character (0x%02x) cannot be written in %s: %s",
                        (int) c, where, s.substring(0, i) + "…"));
            }
        }
        return s;
    }

    /** The helpers by the name templates call them with. */
    static Map<String, UnaryOperator<String>> helpers() {
        return Map.of("exec", SystemdEscapes::exec, "unit", SystemdEscapes::unit, "env", SystemdEscapes::env,
                "line", SystemdEscapes::line);
    }
}
