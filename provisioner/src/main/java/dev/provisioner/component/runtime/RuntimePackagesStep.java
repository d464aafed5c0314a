package dev.provisioner.component.runtime;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.inventory.Component;
import dev.provisioner.step.Converge;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;

/**
 * containerd, runc and the standard CNI plugins from the OS packages (install source {@code packages}
 * only), named as the host's family names them ({@link ContainerdLayout}). A host that already has
 * Docker's {@code containerd.io} keeps it.
 */
final class RuntimePackagesStep implements Step {
    static final List<String> PACKAGES = ContainerdLayout.DEBIAN.packages();

    @Override
    public String name() {
        return "containerd-packages";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        if (!ContainerdLayout.fromPackages(ctx.inventory())) {
            return FactsQuery.EMPTY;
        }
        return FactsQuery.packages(ContainerdLayout.DEBIAN.packages().toArray(String[]::new))
                .and(FactsQuery.packages(ContainerdLayout.RHEL.packages().toArray(String[]::new)));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        if (!ContainerdLayout.fromPackages(ctx.inventory())) {
            return StepOutcome.converged("containerd, runc and CNI plugins come from their releases (cluster.install.containerd: "
                    + ctx.inventory().cluster().install().source(Component.CONTAINERD).name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        HostFacts facts = ctx.facts().orElseThrow();
        List<String> wanted = wanted(facts);
        return Converge.packages(wanted, facts)
                .<StepOutcome>map(a -> StepOutcome.of(List.of(a), ""))
                .orElseGet(() -> StepOutcome.converged(String.join(", ", wanted.stream()
                        .map(p -> p + " " + facts.packageVersion(p).orElse("")).toList()) + " installed"));
    }

    /** The family's packages; with Docker's containerd.io already installed, that one instead of the family's containerd (and runc). */
    static List<String> wanted(HostFacts facts) {
        ContainerdLayout layout = ContainerdLayout.of(facts.osFamily());
        if (ContainerdLayout.installedPackage(facts).equals(ContainerdLayout.DOCKER_PACKAGE)) {
            return ContainerdLayout.RHEL.packages();
        }
        return layout.packages();
    }
}
