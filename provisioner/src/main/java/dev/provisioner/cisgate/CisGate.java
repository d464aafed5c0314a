package dev.provisioner.cisgate;

import dev.provisioner.cis.CheckResult;
import dev.provisioner.cis.CisChecker;
import dev.provisioner.cis.CisReport;
import dev.provisioner.inventory.CisException;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.DesiredFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks a rendered plan against the CIS benchmark and the inventory's accepted exceptions. Pure and stateless. */
public final class CisGate {
    private CisGate() {
    }

    /** The verdict on {@code rendered} (host name to its files, as {@code PlanRenderer} returns it). */
    public static CisVerdict evaluate(Inventory inventory, Map<String, List<DesiredFile>> rendered) {
        CisReport report = new CisChecker().check(CisHosts.of(inventory, rendered));
        List<CheckResult> refused = new ArrayList<>();
        Map<CheckResult, CisException> accepted = new LinkedHashMap<>();
        for (CheckResult r : report.failures()) {
            Optional<CisException> exception = inventory.cluster().security().cisException(r.id());
            if (exception.isPresent()) {
                accepted.put(r, exception.get());
            } else {
                refused.add(r);
            }
        }
        return new CisVerdict(report, refused, accepted);
    }
}
