package dev.provisioner.inventory;

import dev.provisioner.inventory.Complaint.Check;
import dev.provisioner.inventory.Tree.Kind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads scalars by their text, refusing the YAML 1.1 traps: plain {@code no}/{@code yes}/{@code on}/{@code off}
 * (booleans), {@code 1.10} (the float 1.1) and {@code 0755} (octal 493) where a string is expected,
 * quoted numbers where a number is expected.
 */
final class Values {
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern OCTAL = Pattern.compile("0[0-7]+");

    private Values() {}

    static String text(Tree t, String path, Check safety, Check check, Problems problems) {
        if (!(t instanceof Tree.Scalar s)) {
            problems.error(path, t.location(), "expected a single value, found " + describe(t), "write the value after the key on the same line");
            return null;
        }
        Complaint trap = trap(s);
        Complaint bad = trap != null ? trap : safety.apply(s.text());
        bad = bad != null ? bad : check.apply(s.text());
        if (bad != null) {
            problems.error(path, t.location(), bad.message(), bad.hint());
            return null;
        }
        return s.text();
    }

    /** Non-null when a plain scalar would be typed as something other than the text it shows. */
    static Complaint trap(Tree.Scalar s) {
        String v = s.text();
        String quote = "quote it: \"" + v + "\"";
        if (s.kind() == Kind.BOOL) {
            return new Complaint(Complaint.show(v) + " is read by YAML 1.1 as the boolean " + booleanOf(v), quote);
        }
        if (s.kind() == Kind.INT && !DECIMAL.matcher(v).matches()) {
            String as = OCTAL.matcher(v).matches() ? "the octal number " + Long.parseLong(v, 8) : "a number";
            return new Complaint(Complaint.show(v) + " is read by YAML 1.1 as " + as, quote);
        }
        if (s.kind() == Kind.FLOAT) {
            String canonical = canonicalFloat(v);
            if (!v.equals(canonical)) {
                return new Complaint(Complaint.show(v) + " is read by YAML 1.1 as the number " + (canonical == null ? v : canonical), quote);
            }
        }
        return null;
    }

    static Integer integer(Tree t, String path, int min, int max, Problems problems) {
        if (t instanceof Tree.Scalar s && s.kind() == Kind.INT) {
            if (!DECIMAL.matcher(s.text()).matches()) {
                String as = OCTAL.matcher(s.text()).matches() ? "the octal number " + Long.parseLong(s.text(), 8) : "a different number";
                problems.error(path, t.location(), Complaint.show(s.text()) + " is read by YAML 1.1 as " + as,
                        "write a plain decimal number without leading zeros");
                return null;
            }
            BigDecimal n = new BigDecimal(s.text());
            if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
                problems.error(path, t.location(), s.text() + " is out of range", "use a number between " + min + " and " + max);
                return null;
            }
            return n.intValueExact();
        }
        if (t instanceof Tree.Scalar s && s.kind() == Kind.STR && DECIMAL.matcher(s.text()).matches()) {
            problems.error(path, t.location(), "expected a number, found the string \"" + s.text() + "\"", "remove the quotes");
            return null;
        }
        problems.error(path, t.location(), "expected a number, found " + describe(t), "write a whole number between " + min + " and " + max);
        return null;
    }

    static Boolean bool(Tree t, String path, Problems problems) {
        if (t instanceof Tree.Scalar s && s.kind() == Kind.BOOL) {
            String v = s.text().toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                return Boolean.valueOf(v);
            }
            problems.error(path, t.location(), Complaint.show(s.text()) + " is a YAML 1.1 boolean that other YAML tools read as a string",
                    "write " + booleanOf(s.text()));
            return null;
        }
        problems.error(path, t.location(), "expected true or false, found " + describe(t), "write true or false without quotes");
        return null;
    }

    static <E extends Enum<E>> E choice(Tree t, String path, Class<E> type, Problems problems) {
        String v = text(t, path, Check.ANY, Check.ANY, problems);
        if (v == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            if (Fields.yamlName(e).equals(v)) {
                return e;
            }
            names.add(Fields.yamlName(e));
        }
        String near = Suggest.closest(v, names);
        problems.error(path, t.location(), Complaint.show(v) + " is not one of: " + String.join(", ", names)
                + (near == null ? "" : " (did you mean '" + near + "'?)"), "use one of the listed values");
        return null;
    }

    static String describe(Tree t) {
        if (t instanceof Tree.Mapping) {
            return "a mapping";
        } else if (t instanceof Tree.Sequence) {
            return "a list";
        }
        Tree.Scalar s = (Tree.Scalar) t;
        return switch (s.kind()) {
            case BOOL -> "the boolean " + Complaint.show(s.text());
            case INT, FLOAT -> "the number " + s.text();
            case NULL -> "nothing";
            case STR -> Complaint.show(s.text());
        };
    }

    private static boolean booleanOf(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "on" -> true;
            default -> false;
        };
    }

    private static String canonicalFloat(String v) {
        try {
            return new BigDecimal(v.replace("_", "")).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
