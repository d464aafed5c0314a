package dev.provisioner.cis;

import java.util.Map;
import java.util.StringJoiner;

/** Plain-text rendering of a {@link CisReport}: one line per check, then the counts. */
final class ReportText {
    private ReportText() {}

    static String render(CisReport report) {
        int hostWidth = report.results().stream().mapToInt(r -> r.host().length()).max().orElse(4);
        StringBuilder out = new StringBuilder();
        for (CheckResult r : report.results()) {
            out.append(String.format("%-14s %-" + hostWidth + "s %-7s %s", r.status(), r.host(), r.id(), r.title()));
            if (!r.found().isEmpty()) {
                out.append(" | found: ").append(r.found());
            }
            if (!r.expected().isEmpty() && r.status() != Status.PASS) {
                out.append(" | expected: ").append(r.expected());
            }
            if (!r.reason().isEmpty()) {
                out.append(" | ").append(r.reason());
            }
            out.append('\n');
        }
        StringJoiner summary = new StringJoiner(", ", "summary: ", "\n");
        for (Map.Entry<Status, Integer> e : report.counts().entrySet()) {
            summary.add(e.getKey() + " " + e.getValue());
        }
        return out.append(summary).toString();
    }
}
