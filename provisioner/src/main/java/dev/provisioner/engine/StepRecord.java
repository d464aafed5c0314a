package dev.provisioner.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The result of one step on one host.
 *
 * @param phase    phase title
 * @param host     inventory name
 * @param step     step name
 * @param status   unchanged, changed, failed or skipped
 * @param reason   why (converged reason, what changed, what failed, why skipped); masked
 * @param duration time spent on it (for changed steps, the host batch that applied it)
 * @param actions  its actions
 * @param failure  the failure, when failed
 */
public record StepRecord(String phase, String host, String step, StepStatus status, String reason, Duration duration,
                         List<ActionRecord> actions, Optional<Failure> failure) {
    public StepRecord {
        actions = List.copyOf(actions);
        failure = failure == null ? Optional.empty() : failure;
    }

    /** The status's name (UNCHANGED, CHANGED, FAILED, SKIPPED): the engine's status type stays inside the engine. */
    public String statusName() {
        return status.name();
    }
}
