package dev.provisioner.cli;

import dev.provisioner.api.HostReport;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.StepFailure;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables that end {@code apply} (and {@code plan}, {@code lab up}): one row per phase with what
 * became of it, one row per host with counters, then every failure as one line (host, step, cause,
 * what to do) with its stderr tail. Missing release files are listed once, with how to supply them.
 */
final class Summary {
    private Summary() {
    }

    static void print(PrintWriter out, ProvisionReport report) {
        print(out, report, List.of());
    }

    /** @param phaseOrder the plan's phase titles, so the phase table reads in plan order */
    static void print(PrintWriter out, ProvisionReport report, List<String> phaseOrder) {
        phases(out, report, phaseOrder);
        out.println();
        out.printf("%-14s %-10s %9s %7s %6s %7s %8s %11s %6s %8s%n", "HOST", "STATUS", "UNCHANGED", "CHANGED", "FAILED",
                "SKIPPED", "DURATION", "ROUND-TRIPS", "FILES", "RESTARTS");
        for (HostReport h : report.hosts()) {
            out.printf("%-14s %-10s %9d %7d %6d %7d %7.1fs %11d %6d %8d%n", h.host(),
                    h.status().name().toLowerCase(Locale.ROOT), h.count(StepStatus.UNCHANGED), h.count(StepStatus.CHANGED),
                    h.count(StepStatus.FAILED), h.count(StepStatus.SKIPPED), h.duration().toMillis() / 1000.0,
                    h.counters().roundTrips(), h.counters().filesWritten(), h.counters().unitsRestarted());
        }
        failures(out, report.failures());
        out.flush();
    }

    /** What became of each phase: done, failed, incomplete (missing release files) or not run. */
    static Map<String, String> phaseResults(ProvisionReport report, List<String> phaseOrder) {
        Map<String, List<StepReport>> byPhase = new LinkedHashMap<>();
        phaseOrder.forEach(title -> byPhase.put(title, new ArrayList<>()));
        report.steps().forEach(s -> byPhase.computeIfAbsent(s.phase(), k -> new ArrayList<>()).add(s));
        byPhase.values().removeIf(List::isEmpty);
        Map<String, String> results = new LinkedHashMap<>();
        String stoppedAt = null;
        for (Map.Entry<String, List<StepReport>> e : byPhase.entrySet()) {
            String phase = e.getKey();
            List<StepReport> steps = e.getValue();
            List<StepFailure> failed = steps.stream().flatMap(s -> s.failure().stream()).toList();
            String result;
            if (!failed.isEmpty()) {
                result = failed.stream().allMatch(ReportVerdict::missingArtifacts) ? "incomplete: missing release files" : "failed";
                stoppedAt = stoppedAt == null ? phase : stoppedAt;
            } else if (steps.stream().allMatch(s -> s.status() == StepStatus.SKIPPED)) {
                result = stoppedAt == null ? "not run" : "not run (stopped at " + stoppedAt + ")";
            } else if (steps.stream().anyMatch(s -> s.status() == StepStatus.SKIPPED)) {
                result = "partly run";
            } else {
                result = "done";
            }
            results.put(phase, result);
        }
        return results;
    }

    private static void phases(PrintWriter out, ProvisionReport report, List<String> phaseOrder) {
        Map<String, String> results = phaseResults(report, phaseOrder);
        if (results.isEmpty()) {
            return;
        }
        Map<String, Set<String>> hosts = new LinkedHashMap<>();
        report.steps().forEach(s -> hosts.computeIfAbsent(s.phase(), k -> new LinkedHashSet<>()).add(s.host()));
        out.println();
        out.printf("%-20s %-34s %s%n", "PHASE", "RESULT", "HOSTS");
        results.forEach((phase, result) -> out.printf("%-20s %-34s %s%n", phase, result, String.join(",", hosts.get(phase))));
    }

    private static void failures(PrintWriter out, List<StepFailure> failures) {
        Set<String> missingTexts = new LinkedHashSet<>();
        for (StepFailure f : failures) {
            out.printf("%nerror: %s%n", ReportVerdict.oneLine(f));
            if (ReportVerdict.missingArtifacts(f)) {
                missingTexts.add(details(f));
            } else if (!f.stderrTail().isBlank()) {
                f.stderrTail().lines().forEach(l -> out.println("  | " + l));
            }
        }
        for (String text : missingTexts) {
            out.println();
            out.println("Not done: release files are missing");
            text.lines().forEach(l -> out.println("  " + l));
        }
    }

    /** The failure's full text without the host prefix (for missing release files: the list and how to supply them). */
    private static String details(StepFailure f) {
        String m = f.message();
        String prefix = f.host() + ": phase " + f.phase() + ", step " + f.step() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
