package dev.provisioner.component.prereq;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.transport.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The modules available in the running kernel now ({@code modprobe}). A container cannot load
 * modules into the kernel it shares: there the step names what is missing and changes nothing; on
 * a VM a failing {@code modprobe} fails the run.
 */
final class ModulesLiveStep implements Step {
    private final PrereqSettings settings;

    ModulesLiveStep(PrereqSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "kernel-modules";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return KernelModules.query(settings.modules()).and(Confinement.query());
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        HostFacts facts = ctx.facts().orElseThrow();
        Confinement where = Confinement.of(facts);
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String m : settings.modules()) {
            Optional<String> e = KernelModules.evidence(m, facts);
            e.ifPresentOrElse(how -> present.add(m + " (" + how + ")"), () -> missing.add(m));
        }
        String have = present.isEmpty() ? "" : String.join(", ", present) + " available";
        if (missing.isEmpty()) {
            return StepOutcome.converged(have + where.note());
        }
        if (where.inContainer()) {
            return StepOutcome.converged("cannot apply here: module(s) " + String.join(", ", missing) + " not in the running kernel, but "
                    + where.why() + ", and modules cannot be loaded from inside it: run 'modprobe " + String.join(" ", missing)
                    + "' on that machine" + (have.isEmpty() ? "" : "; " + have));
        }
        StringBuilder script = new StringBuilder();
        missing.forEach(m -> script.append("modprobe ").append(Command.quote(m)).append('\n'));
        return StepOutcome.of(List.of(RunCommand.of("modprobe " + String.join(" ", missing), script.toString())), "");
    }
}
