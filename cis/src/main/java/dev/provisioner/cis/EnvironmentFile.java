package dev.provisioner.cis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an {@code EnvironmentFile=} the way systemd does: {@code KEY=VALUE} lines, {@code #} and
 * {@code ;} comment lines, whitespace around the key and before the value ignored, single quotes
 * literal, double quotes with backslash escapes, unquoted values trimmed with backslash escapes and
 * line continuation. Later assignments win.
 */
final class EnvironmentFile {
    private EnvironmentFile() {}

    static Map<String, String> parse(String text) {
        Map<String, String> vars = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char first = text.charAt(i);
            if (first == '#' || first == ';') {
                i = endOfLine(text, i);
                continue;
            }
            int eq = text.indexOf('=', i);
            int eol = endOfLine(text, i);
            if (eq < 0 || eq > eol) {
                i = eol;
                continue;
            }
            String key = text.substring(i, eq).strip();
            i = eq + 1;
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            int trailingSpaces = 0;
            char quote = 0;
            for (; i < n; i++) {
                char c = text.charAt(i);
                if (quote == '\'') {
                    if (c == '\'') { quote = 0; } else { value.append(c); }
                } else if (quote == '"') {
                    if (c == '"') {
                        quote = 0;
                    } else if (c == '\\' && i + 1 < n) {
                        char next = text.charAt(++i);
                        if (next != '\n') {
                            value.append("\"\\`$".indexOf(next) >= 0 ? String.valueOf(next) : "\\" + next);
                        }
                    } else {
                        value.append(c);
                    }
                } else if (c == '\n') {
                    i++;
                    break;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    trailingSpaces = 0;
                } else if (c == '\\' && i + 1 < n) {
                    char next = text.charAt(++i);
                    if (next != '\n') {
                        value.append(next);
                    }
                    trailingSpaces = 0;
                } else {
                    value.append(c);
                    trailingSpaces = Character.isWhitespace(c) ? trailingSpaces + 1 : 0;
                }
            }
            value.setLength(value.length() - trailingSpaces);
            if (!key.isEmpty()) {
                vars.put(key, value.toString());
            }
        }
        return vars;
    }

    private static int endOfLine(String text, int from) {
        int eol = text.indexOf('\n', from);
        return eol < 0 ? text.length() : eol + 1;
    }
}
