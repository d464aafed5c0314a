package dev.provisioner.cis;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All results of one run, in catalogue order per host, cluster-wide checks last.
 *
 * @param results one result per check and host
 */
public record CisReport(List<CheckResult> results) {

    public CisReport {
        results = List.copyOf(results);
    }

    /** How many results have each status (every status is present, possibly with 0). */
    public Map<Status, Integer> counts() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    /** The number of results with {@code status}. */
    public int count(Status status) {
        return counts().get(status);
    }

    /** The evaluated checks that did not pass (FAIL or WARN). */
    public List<CheckResult> failures() {
        return results.stream().filter(r -> r.status().failing()).toList();
    }

    /** Whether no evaluated check failed or warned. */
    public boolean allDecidedPass() {
        return failures().isEmpty();
    }

    /** The result of check {@code id} on {@code host}. */
    public Optional<CheckResult> result(String host, String id) {
        return results.stream().filter(r -> r.host().equals(host) && r.id().equals(id)).findFirst();
    }

    /** One line per result, then a summary line; see {@link ReportText}. */
    public String render() {
        return ReportText.render(this);
    }
}
