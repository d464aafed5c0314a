package dev.provisioner.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users type them on the command line: {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}. */
final class Durations {
    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,6})([smhd])");

    private Durations() {
    }

    static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: use a number with s, m, h or d, e.g. 24h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
