package dev.provisioner.cis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** kube-bench's compare operations (check/test.go {@code compareOp}), with the same semantics. */
final class CompareOp {
    private static final Set<String> KNOWN =
            Set.of("eq", "noteq", "gt", "gte", "lt", "lte", "has", "nothave", "regex", "valid_elements", "bitmask");

    private CompareOp() {}

    static void requireKnown(String op) {
        if (!KNOWN.contains(op)) {
            throw new IllegalArgumentException("unknown compare op: " + op);
        }
    }

    /** Whether {@code actual} compares true against {@code expected} under {@code op}. */
    static boolean test(String op, String actual, String expected) {
        return switch (op) {
            case "eq" -> equal(actual, expected);
            case "noteq" -> !equal(actual, expected);
            case "gt", "gte", "lt", "lte" -> numeric(op, actual, expected);
            case "has" -> actual.contains(expected);
            case "nothave" -> !actual.contains(expected);
            case "regex" -> Pattern.compile(expected).matcher(actual).find();
            case "valid_elements" -> validElements(actual, expected);
            case "bitmask" -> bitmask(actual, expected);
            default -> throw new IllegalArgumentException("unknown compare op: " + op);
        };
    }

    /** Human-readable form of {@code op value}. */
    static String describe(String op, String value) {
        return switch (op) {
            case "eq" -> "== " + value;
            case "noteq" -> "!= " + value;
            case "gt" -> "> " + value;
            case "gte" -> ">= " + value;
            case "lt" -> "< " + value;
            case "lte" -> "<= " + value;
            case "has" -> "has " + value;
            case "nothave" -> "does not have " + value;
            case "regex" -> "matches " + value;
            case "valid_elements" -> "only from " + value;
            case "bitmask" -> "within " + value;
            default -> op + " " + value;
        };
    }

    // Booleans compare case-insensitively, everything else exactly (kube-bench "eq").
    private static boolean equal(String actual, String expected) {
        String lower = actual.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return lower.equals(expected);
        }
        return actual.equals(expected);
    }

    private static boolean numeric(String op, String actual, String expected) {
        int a;
        int b;
        try {
            a = Integer.parseInt(actual.trim());
            b = Integer.parseInt(expected.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        return switch (op) {
            case "gt" -> a > b;
            case "gte" -> a >= b;
            case "lt" -> a < b;
            default -> a <= b;
        };
    }

    private static boolean validElements(String actual, String expected) {
        List<String> have = split(actual);
        List<String> allowed = split(expected);
        if (have.isEmpty() || allowed.isEmpty()) {
            return have.isEmpty() && allowed.isEmpty();
        }
        return allowed.containsAll(have);
    }

    private static List<String> split(String s) {
        String clean = s.trim().replaceAll(",+$", "");
        if (clean.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(clean.split(",", -1)).map(String::trim).toList();
    }

    private static boolean bitmask(String actual, String expected) {
        try {
            return Bitmask.within(Integer.parseInt(actual.trim(), 8), Integer.parseInt(expected.trim(), 8));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
