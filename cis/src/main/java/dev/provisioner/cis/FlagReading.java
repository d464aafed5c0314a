package dev.provisioner.cis;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Two ways to read a flag or environment variable. {@link #KUBE_BENCH} reproduces kube-bench's
 * substring search over the joined command line, quirks included (a flag is found inside a longer flag
 * that starts with it, and the first occurrence is read); {@link #EXACT} reads arguments as the component's flag parser does
 * ({@code --flag=value} or {@code --flag value}, last occurrence wins, underscores normalised to
 * dashes, feature gates looked up inside {@code --feature-gates}). A check passes only when it passes
 * under both: kube-bench run on the host would agree, and no substring accident hides a missing flag.
 */
enum FlagReading {
    EXACT {
        @Override
        Lookup flag(List<String> argv, String flag, boolean wantsValue) {
            if (!flag.startsWith("-")) {
                return featureGate(argv, flag);
            }
            Lookup result = Lookup.NONE;
            for (int i = 1; i < argv.size(); i++) {
                String token = normalise(argv.get(i));
                if (token.equals(flag)) {
                    boolean next = i + 1 < argv.size() && !argv.get(i + 1).startsWith("-");
                    result = Lookup.of(next ? argv.get(i + 1) : "true");
                } else if (token.startsWith(flag + "=")) {
                    result = Lookup.of(token.substring(flag.length() + 1));
                }
            }
            return result;
        }

        @Override
        Lookup env(Map<String, String> env, String name) {
            String v = env.get(name);
            return v == null || v.isEmpty() ? Lookup.NONE : Lookup.of(v);
        }

        private Lookup featureGate(List<String> argv, String gate) {
            Lookup gates = flag(argv, "--feature-gates", true);
            Lookup result = Lookup.NONE;
            if (gates.found()) {
                for (String pair : gates.value().split(",")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).trim().equals(gate)) {
                        result = Lookup.of(pair.substring(eq + 1).trim());
                    }
                }
            }
            return result;
        }

        private String normalise(String token) {
            if (!token.startsWith("--")) {
                return token;
            }
            int eq = token.indexOf('=');
            String name = eq < 0 ? token : token.substring(0, eq);
            return name.replace('_', '-') + (eq < 0 ? "" : token.substring(eq));
        }
    },

    KUBE_BENCH {
        @Override
        Lookup flag(List<String> argv, String flag, boolean wantsValue) {
            String s = String.join(" ", argv);
            if (s.isEmpty() || flag.isEmpty() || !s.contains(flag)) {
                return Lookup.NONE;
            }
            Matcher m = Pattern.compile("(" + Pattern.quote(flag) + ")(=|: *)*([^\\s]*) *").matcher(s);
            if (!m.find()) {
                return Lookup.NONE;
            }
            if (!m.group(3).isEmpty()) {
                return Lookup.of(m.group(3));
            }
            if (wantsValue) {
                Matcher space = Pattern.compile(Pattern.quote(flag) + "\\s+([^\\s-][^\\s]*)").matcher(s);
                if (space.find()) {
                    return Lookup.of(space.group(1));
                }
            }
            return Lookup.of(flag.startsWith("--") ? "true" : m.group(1));
        }

        @Override
        Lookup env(Map<String, String> env, String name) {
            String environ = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("\n"));
            Matcher m = Pattern.compile(Pattern.quote(name) + "=.*(?:\\z|\\n)").matcher(environ);
            if (!m.find()) {
                return Lookup.NONE;
            }
            String out = m.group().replaceFirst("\n", "").replaceFirst(Pattern.quote(name + "="), "");
            return out.isEmpty() ? Lookup.NONE : Lookup.of(out);
        }
    };

    /** Looks {@code flag} up in {@code argv}; {@code wantsValue} when the test compares a value. */
    abstract Lookup flag(List<String> argv, String flag, boolean wantsValue);

    /** Looks the environment variable {@code name} up. */
    abstract Lookup env(Map<String, String> env, String name);
}
