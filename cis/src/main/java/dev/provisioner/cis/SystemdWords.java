package dev.provisioner.cis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits systemd command lines and {@code Environment=} values into words the way systemd does:
 * whitespace separates words, single and double quotes group (anywhere in a word), backslash escapes;
 * then in {@code ExecStart=} a word that is exactly an unquoted {@code $NAME} becomes the variable's
 * value split at whitespace, {@code ${NAME}} anywhere becomes the exact value, and {@code $$} a dollar.
 */
final class SystemdWords {
    private static final Pattern BARE_VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern BRACED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$\\$");

    private SystemdWords() {}

    /** One word before expansion; {@code bare} when it was an unquoted {@code $NAME}. */
    record Word(String text, boolean bare) {}

    /** Splits {@code line} into words (quotes removed, escapes resolved). */
    static List<Word> split(String line) {
        List<Word> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length()) {
                    cur.append(unescape(line.charAt(++i)));
                } else {
                    cur.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word(cur, quoted));
                    cur.setLength(0);
                    inWord = false;
                    quoted = false;
                }
            } else {
                inWord = true;
                if (c == '"' || c == '\'') {
                    quote = c;
                    quoted = true;
                } else if (c == '\\' && i + 1 < line.length()) {
                    cur.append(unescape(line.charAt(++i)));
                    quoted = true;
                } else {
                    cur.append(c);
                }
            }
        }
        if (inWord) {
            words.add(word(cur, quoted));
        }
        return words;
    }

    /**
     * The argv of an {@code ExecStart=} value: prefixes ({@code -@:+!}) removed, the {@code @}
     * argv[0] override dropped, variables from {@code env} expanded (unset ones are empty).
     */
    static List<String> command(String execStart, Map<String, String> env) {
        String line = execStart.strip();
        boolean argv0Override = false;
        int p = 0;
        while (p < line.length() && "-@:+!".indexOf(line.charAt(p)) >= 0) {
            argv0Override |= line.charAt(p) == '@';
            p++;
        }
        List<Word> words = split(line.substring(p));
        if (argv0Override && words.size() > 1) {
            words.remove(1);
        }
        List<String> argv = new ArrayList<>();
        for (Word w : words) {
            Matcher bare = BARE_VARIABLE.matcher(w.text());
            if (w.bare() && bare.matches()) {
                String value = env.getOrDefault(bare.group(1), "");
                for (String part : value.strip().split("\\s+")) {
                    if (!part.isEmpty()) {
                        argv.add(part);
                    }
                }
            } else {
                argv.add(expandBraced(w.text(), env));
            }
        }
        return argv;
    }

    private static String expandBraced(String text, Map<String, String> env) {
        Matcher m = BRACED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) == null ? "$" : env.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Word word(StringBuilder text, boolean quoted) {
        return new Word(text.toString(), !quoted);
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 's' -> ' ';
            default -> c;
        };
    }
}
