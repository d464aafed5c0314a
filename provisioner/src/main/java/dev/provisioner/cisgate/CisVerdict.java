package dev.provisioner.cisgate;

import dev.provisioner.cis.CheckResult;
import dev.provisioner.cis.CisReport;
import dev.provisioner.inventory.CisException;

import java.util.List;
import java.util.Map;

/**
 * The gate's verdict on one rendered plan.
 *
 * @param report    every check on every host
 * @param refusals  failing checks (FAIL or WARN) the inventory does not accept
 * @param accepted  failing checks the inventory accepts, with the exception that accepts each
 */
public record CisVerdict(CisReport report, List<CheckResult> refusals, Map<CheckResult, CisException> accepted) {
    public CisVerdict {
        refusals = List.copyOf(refusals);
        accepted = Map.copyOf(accepted);
    }

    /** Whether the run may go on: no failing check without an accepted exception. */
    public boolean passed() {
        return refusals.isEmpty();
    }

    /** One line per refusal: {@code CIS 1.2.1 fails on master: found ... (expected ...)}. */
    public List<String> refusalLines() {
        return refusals.stream().map(r -> "CIS " + r.id() + " fails on " + r.host() + ": " + r.title()
                + (r.found().isEmpty() ? "" : "; found " + r.found()) + (r.expected().isEmpty() ? "" : " (expected " + r.expected() + ")")
                + "; fix the template, or accept it in cluster.cis.exceptions with a reason").toList();
    }
}
