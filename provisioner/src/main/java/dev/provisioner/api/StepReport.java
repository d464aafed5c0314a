package dev.provisioner.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One step on one host.
 *
 * @param phase    phase title
 * @param host     inventory name
 * @param step     step name
 * @param status   unchanged, changed, failed or skipped
 * @param reason   why ("docker-registry.service is active and enabled", what changed, what failed)
 * @param duration time spent
 * @param actions  the actions that ran or would run
 * @param failure  present when failed
 * @since 0.1
 */
public record StepReport(String phase, String host, String step, StepStatus status, String reason, Duration duration,
                         List<ActionReport> actions, Optional<StepFailure> failure) {
    public StepReport {
        actions = List.copyOf(actions);
    }
}
