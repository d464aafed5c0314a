package dev.provisioner.component.runtime;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.inventory.Component;
import dev.provisioner.step.Converge;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;

/** containerd, runc and the standard CNI plugins from the OS packages (install source {@code packages} only). */
final class RuntimePackagesStep implements Step {
    static final List<String> PACKAGES = List.of(ContainerdLayout.PACKAGE, "runc", "containernetworking-plugins");

    @Override
    public String name() {
        return "containerd-packages";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return ContainerdLayout.fromPackages(ctx.inventory()) ? FactsQuery.packages(PACKAGES.toArray(String[]::new)) : FactsQuery.EMPTY;
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        if (!ContainerdLayout.fromPackages(ctx.inventory())) {
            return StepOutcome.converged("containerd, runc and CNI plugins come from their releases (cluster.install.containerd: "
                    + ctx.inventory().cluster().install().source(Component.CONTAINERD).name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        HostFacts facts = ctx.facts().orElseThrow();
        return Converge.packages(PACKAGES, facts)
                .<StepOutcome>map(a -> StepOutcome.of(List.of(a), ""))
                .orElseGet(() -> StepOutcome.converged(String.join(", ", PACKAGES.stream()
                        .map(p -> p + " " + facts.packageVersion(p).orElse("")).toList()) + " installed"));
    }
}
