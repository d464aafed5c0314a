package dev.provisioner.component.runtime;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.inventory.Component;
import dev.provisioner.inventory.InstallSource;
import dev.provisioner.step.Converge;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;

/** containerd, runc and the standard CNI plugins from the OS packages. */
final class RuntimePackagesStep implements Step {
    static final List<String> PACKAGES = List.of(ContainerdLayout.PACKAGE, "runc", "containernetworking-plugins");

    @Override
    public String name() {
        return "containerd-packages";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return FactsQuery.packages(PACKAGES.toArray(String[]::new));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        InstallSource source = ctx.inventory().cluster().install().source(Component.CONTAINERD);
        if (source != InstallSource.PACKAGES) {
            throw new IllegalStateException("containerd from " + source.name().toLowerCase(java.util.Locale.ROOT)
                    + " is not supported by this version of the container-runtime phase; set cluster.install.containerd: packages"
                    + " (Debian containerd, runc, containernetworking-plugins)");
        }
        HostFacts facts = ctx.facts().orElseThrow();
        return Converge.packages(PACKAGES, facts)
                .<StepOutcome>map(a -> StepOutcome.of(List.of(a), ""))
                .orElseGet(() -> StepOutcome.converged(String.join(", ", PACKAGES.stream()
                        .map(p -> p + " " + facts.packageVersion(p).orElse("")).toList()) + " installed"));
    }
}
