package dev.provisioner.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every problem the inventory package can report, read from its source: each call of
 * {@code problems.error/errorAt/warning/warningAt(...)} and {@code new Complaint(...)}, reduced to the
 * longest string literal of its message argument and of its hint argument. A corpus line "uses" a
 * template when it contains both. Call sites whose message has no literal (they pass on a
 * {@link Complaint}'s message) are covered through the complaint's own call site.
 */
final class MessageTemplates {
    /** Source of the package, relative to the module. */
    static final Path SOURCE = Path.of("src/main/java/dev/provisioner/inventory");
    /** Call -> index of its message argument (the hint follows it). */
    private static final Map<String, Integer> CALLS = Map.of("problems.error(", 2, "problems.errorAt(", 1,
            "problems.warning(", 2, "problems.warningAt(", 1, "new Complaint(", 0);
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One reporting call site. */
    record Template(String where, String message, String hint) {
        boolean usedBy(String line) {
            return line.contains(message) && (hint == null || line.contains("(fix: ") && line.contains(hint));
        }

        @Override
        public String toString() {
            return where + ": \"" + message + "\"" + (hint == null ? "" : " / fix \"" + hint + "\"");
        }
    }

    private MessageTemplates() {}

    static List<Template> all() {
        List<Template> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String src = Files.readString(f);
                for (Map.Entry<String, Integer> call : CALLS.entrySet()) {
                    for (int at = src.indexOf(call.getKey()); at >= 0; at = src.indexOf(call.getKey(), at + 1)) {
                        List<String> args = arguments(src, at + call.getKey().length());
                        String message = longestLiteral(args.get(call.getValue()));
                        if (message != null && args.size() > call.getValue() + 1) {
                            int line = (int) src.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
                            out.add(new Template(f.getFileName() + ":" + line, message, longestLiteral(args.get(call.getValue() + 1))));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The top-level arguments of a call whose '(' ends just before {@code start}. */
    static List<String> arguments(String src, int start) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (int i = start; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (src.charAt(end) != c) {
                    end += src.charAt(end) == '\\' ? 2 : 1;
                }
                cur.append(src, i, end + 1);
                i = end;
            } else if (c == ',' && depth == 0) {
                args.add(cur.toString());
                cur.setLength(0);
            } else if (c == ')' && depth == 0) {
                args.add(cur.toString());
                return args;
            } else {
                depth += "([{".indexOf(c) >= 0 ? 1 : ")]}".indexOf(c) >= 0 ? -1 : 0;
                cur.append(c);
            }
        }
        throw new IllegalStateException("unbalanced call at " + start);
    }

    static String longestLiteral(String code) {
        Matcher m = LITERAL.matcher(code);
        List<String> literals = new ArrayList<>();
        while (m.find()) {
            literals.add(unescape(m.group(1)));
        }
        return literals.stream().filter(l -> !l.isBlank()).max(Comparator.comparingInt(String::length)).orElse(null);
    }

    private static String unescape(String literal) {
        return literal.replace("\\\"", "\"").replace("\\'", "'").replace("\\\\", "\\");
    }
}
