package dev.provisioner.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Distinctive secret values for a canary test, and the search for them in anything a run produced:
 * the value itself, and every form that would still give it away — its base64 at any offset inside a
 * larger base64 blob (e.g. an HTTP Basic header of {@code user:password}), its URL-safe base64, and
 * its hex.
 */
final class Canaries {
    private final Map<String, String> values;

    private Canaries(Map<String, String> values) {
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** One fresh random value per name, e.g. {@code sudo -> CanarySudo-3f9a...}. */
    static Canaries generate(String... names) {
        SecureRandom random = new SecureRandom();
        Map<String, String> v = new LinkedHashMap<>();
        for (String name : names) {
            byte[] bytes = new byte[9];
            random.nextBytes(bytes);
            v.put(name, "Canary" + name + "-" + HexFormat.of().formatHex(bytes));
        }
        return new Canaries(v);
    }

    static Canaries of(Map<String, String> values) {
        return new Canaries(values);
    }

    String get(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no canary " + name + "; have " + values.keySet());
        }
        return v;
    }

    /** Every value, one per line (a pattern file for {@code grep -F -f}). */
    String patternLines() {
        StringBuilder b = new StringBuilder();
        values.values().forEach(v -> b.append(v).append('\n'));
        return b.toString();
    }

    /** Each leak of a canary in {@code text}, as {@code name (form) at index: ...context...}; empty when none. */
    List<String> leaksIn(String text) {
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            for (Map.Entry<String, String> form : forms(e.getValue()).entrySet()) {
                int at = text.indexOf(form.getValue());
                if (at >= 0) {
                    int from = Math.max(0, at - 60);
                    int to = Math.min(text.length(), at + form.getValue().length() + 60);
                    leaks.add(e.getKey() + " (" + form.getKey() + ") at " + at + ": ..."
                            + text.substring(from, to).replace("\n", "\\n") + "...");
                }
            }
        }
        return leaks;
    }

    /** The searchable forms of one secret. */
    static Map<String, String> forms(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("plain", secret);
        for (int offset = 0; offset < 3; offset++) {
            forms.put("base64@" + offset, base64Core(Base64.getEncoder(), bytes, offset));
            forms.put("base64url@" + offset, base64Core(Base64.getUrlEncoder(), bytes, offset));
        }
        forms.put("hex", HexFormat.of().formatHex(bytes));
        return forms;
    }

    /**
     * The base64 characters that depend only on the secret's bytes when the secret starts {@code offset}
     * bytes (mod 3) into the encoded data: whatever surrounds it, these characters appear.
     */
    static String base64Core(Base64.Encoder encoder, byte[] secret, int offset) {
        byte[] shifted = new byte[offset + secret.length];
        System.arraycopy(secret, 0, shifted, offset, secret.length);
        String encoded = encoder.withoutPadding().encodeToString(shifted);
        int firstGroup = (offset + 2) / 3;
        int endGroup = (offset + secret.length) / 3;
        return encoded.substring(4 * firstGroup, 4 * endGroup);
    }
}
