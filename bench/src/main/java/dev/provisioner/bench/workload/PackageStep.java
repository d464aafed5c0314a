package dev.provisioner.bench.workload;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.step.Converge;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;

/** The workload's optional package ({@code bench/run --package}). */
final class PackageStep implements Step {
    @Override
    public String name() {
        return "bench-package";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return FactsQuery.packages(Workload.PACKAGE);
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        return Converge.packages(List.of(Workload.PACKAGE), ctx.facts().orElseThrow())
                .<StepOutcome>map(a -> StepOutcome.of(List.of(a), ""))
                .orElseGet(() -> StepOutcome.converged(Workload.PACKAGE + " is installed"));
    }
}
