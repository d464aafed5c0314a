package dev.provisioner.inventory;

import java.util.function.Function;

/** What a value check found wrong, and how to fix it. A check returns null when the value is fine. */
record Complaint(String message, String hint) {

    /** A value check; returns null when the value is acceptable. */
    interface Check extends Function<String, Complaint> {
        Check ANY = v -> null;

        /** Runs this check, then {@code next} if this one passed. */
        default Check then(Check next) {
            return v -> {
                Complaint c = apply(v);
                return c != null ? c : next.apply(v);
            };
        }
    }

    /**
     * The value as shown in messages: single-quoted, with control characters, Unicode line separators
     * and invisible formatting characters escaped, so that a message is always one honest line.
     */
    static String show(String value) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (Character.isISOControl(c) || SafeText.isInvisible(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }
}
