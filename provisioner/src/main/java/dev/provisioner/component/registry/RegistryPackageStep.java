package dev.provisioner.component.registry;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.step.Converge;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;

/** The registry's OS package (and curl, for its health probe). */
final class RegistryPackageStep implements dev.provisioner.step.Step {
    @Override
    public String name() {
        return "registry-package";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return FactsQuery.packages(RegistryLayout.DEBIAN.packageName(), RegistryLayout.RHEL.packageName(), "curl");
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        HostFacts facts = ctx.facts().orElseThrow();
        String pkg = RegistryLayout.of(ctx.osFamily()).packageName();
        return Converge.packages(List.of(pkg, "curl"), facts)
                .<StepOutcome>map(a -> StepOutcome.of(List.of(a), ""))
                .orElseGet(() -> StepOutcome.converged(pkg + " " + facts.packageVersion(pkg).orElse("") + " is installed"));
    }
}
