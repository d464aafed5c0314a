package dev.provisioner.bench.reference;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one host's bash reads on stdin for the expert script: a prelude defining {@code want}
 * (path -> desired content) and {@code block} (the /etc/hosts managed block), then the script
 * itself. The contents are rendered beforehand by the provisioner's own templates (the same bytes
 * our run writes), so both do exactly the same work; rendering is not timed, as a hand-written
 * script would have its contents ready.
 */
public final class ExpertPayload {
    /** The file the managed block goes to; every other rendered file goes into {@code want}. */
    public static final String HOSTS = "/etc/hosts";

    private ExpertPayload() {
    }

    /** The prelude and {@code script} for one host whose rendered files are {@code files} (path -> content). */
    public static byte[] of(Map<String, String> files, String script) {
        String block = files.get(HOSTS);
        if (block == null) {
            throw new IllegalArgumentException("the rendered files have no " + HOSTS + ": " + files.keySet());
        }
        StringBuilder s = new StringBuilder("declare -A want=(\n");
        new TreeMap<>(files).forEach((path, content) -> {
            if (!path.equals(HOSTS)) {
                s.append("  [").append(quote(path)).append("]=").append(quote(content)).append('\n');
            }
        });
        s.append(")\nblock=").append(quote(block)).append('\n').append(script);
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code value} as a bash ANSI-C quoted word ({@code $'...'}): every byte survives, none is expanded. */
    public static String quote(String value) {
        StringBuilder s = new StringBuilder("$'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\'' -> s.append("\\'");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        s.append(String.format("\\x%02x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('\'').toString();
    }
}
