package dev.provisioner.component.apilb;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.step.Converge;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;

/** haproxy from the OS packages (and curl, for the health probes). */
final class ApiLbPackageStep implements Step {
    @Override
    public String name() {
        return "api-lb-package";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return FactsQuery.packages(ApiLbFiles.PACKAGE, "curl");
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        HostFacts facts = ctx.facts().orElseThrow();
        return Converge.packages(List.of(ApiLbFiles.PACKAGE, "curl"), facts)
                .<StepOutcome>map(a -> StepOutcome.of(List.of(a), ""))
                .orElseGet(() -> StepOutcome.converged(ApiLbFiles.PACKAGE + " " + facts.packageVersion(ApiLbFiles.PACKAGE).orElse("")
                        + " is installed"));
    }
}
