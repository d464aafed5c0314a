package dev.provisioner.cis;

import java.util.ArrayList;
import java.util.List;

/**
 * A systemd unit file (or drop-in) as a list of {@code Key=value} assignments per section. Lines
 * ending in a backslash continue on the next line (joined with a space, comment lines inside the
 * continuation skipped), as systemd reads them.
 *
 * @param entries assignments in file order
 */
record UnitFile(List<Entry> entries) {

    /** One assignment. */
    record Entry(String section, String key, String value) {}

    UnitFile {
        entries = List.copyOf(entries);
    }

    static UnitFile parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String section = "";
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            StringBuilder logical = new StringBuilder(line);
            while (endsWithContinuation(logical) && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(' ');
                String next = lines.get(++i).strip();
                while ((next.startsWith("#") || next.startsWith(";")) && i + 1 < lines.size()) {
                    next = lines.get(++i).strip();
                }
                if (!(next.startsWith("#") || next.startsWith(";"))) {
                    logical.append(next);
                }
            }
            if (endsWithContinuation(logical)) {
                logical.setLength(logical.length() - 1);
            }
            String l = logical.toString().strip();
            if (l.startsWith("[") && l.endsWith("]")) {
                section = l.substring(1, l.length() - 1);
                continue;
            }
            int eq = l.indexOf('=');
            if (eq > 0) {
                entries.add(new Entry(section, l.substring(0, eq).strip(), l.substring(eq + 1).strip()));
            }
        }
        return new UnitFile(entries);
    }

    /** The values assigned to {@code key} in {@code section}, in order (an empty value is a reset). */
    List<String> values(String section, String key) {
        return entries.stream().filter(e -> e.section().equals(section) && e.key().equals(key))
                .map(Entry::value).toList();
    }

    private static boolean endsWithContinuation(CharSequence s) {
        return s.length() > 0 && s.charAt(s.length() - 1) == '\\';
    }
}
