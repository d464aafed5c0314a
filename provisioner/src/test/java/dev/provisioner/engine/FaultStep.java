package dev.provisioner.engine;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.List;

/**
 * A test step that fails on a host while {@value #MARKER} exists there, and is converged otherwise:
 * the lab test's way to make exactly one host fail in a phase, then heal it for the re-run.
 */
final class FaultStep implements Step {
    static final String MARKER = "/etc/provisioner-test-fault";

    @Override
    public String name() {
        return "fault-check";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return FactsQuery.file(MARKER, FileProbe.metadata());
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        if (!ctx.facts().orElseThrow().file(MARKER).exists()) {
            return StepOutcome.converged("no fault marker");
        }
        return StepOutcome.of(List.of(RunCommand.of("check the fault marker",
                "echo 'first line of noise' >&2\necho 'fault injected by the test: " + MARKER + " exists' >&2\nexit 42")), "");
    }
}
