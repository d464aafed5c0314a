package dev.provisioner.step;

import java.util.List;

/**
 * What a step wants on a host: the actions still needed, or none with the reason the host is
 * already converged ("docker-registry is active and enabled, config.yml up to date").
 */
public record StepOutcome(List<Action> actions, String reason) {
    public StepOutcome {
        actions = List.copyOf(actions);
        reason = reason == null ? "" : reason;
    }

    public static StepOutcome converged(String reason) {
        return new StepOutcome(List.of(), reason);
    }

    public static StepOutcome of(List<Action> actions, String convergedReason) {
        return new StepOutcome(actions, convergedReason);
    }

    /**
     * True when nothing but handlers and health checks remain: a handler fires only on a change and
     * a health check only verifies one, so alone they never touch the host.
     */
    public boolean isConverged() {
        return actions.stream().allMatch(a -> a instanceof RestartOnChange || a instanceof WaitHealthy);
    }
}
