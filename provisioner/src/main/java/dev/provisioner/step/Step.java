package dev.provisioner.step;

import dev.provisioner.facts.FactsQuery;

/**
 * One idempotent piece of a phase: a pure function from desired state and facts to actions.
 * Steps never talk to hosts; the engine gathers facts for them and applies their actions.
 *
 * <p>Required: {@link #name()} and {@link #plan}. Optional: {@link #files} (everything the step writes,
 * so {@code render} can show it without contacting hosts) and {@link #facts} (defaults to the
 * checksums of those files).
 */
public interface Step {

    /** Short name, unique within its phase, e.g. {@code registry-config}. */
    String name();

    /** The files this step manages on the context's host, rendered purely (facts may be absent). */
    default java.util.List<DesiredFile> files(StepContext ctx) {
        return java.util.List.of();
    }

    /** What the step must know about the host; by default the state of each of its files. */
    default FactsQuery facts(StepContext ctx) {
        return Converge.query(files(ctx));
    }

    /** The actions still needed on the host, or none with the reason it is converged. */
    StepOutcome plan(StepContext ctx);
}
