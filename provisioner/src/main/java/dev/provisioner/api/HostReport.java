package dev.provisioner.api;

import java.time.Duration;
import java.util.List;

/**
 * Everything a run did on one host.
 *
 * @param host     inventory name
 * @param steps    its steps in execution order
 * @param counters round trips, bytes, files, restarts (zero when never contacted)
 * @since 0.1
 */
public record HostReport(String host, List<StepReport> steps, Counters counters) {
    public HostReport {
        steps = List.copyOf(steps);
    }

    public long count(StepStatus status) {
        return steps.stream().filter(s -> s.status() == status).count();
    }

    /** The host's overall state: failed, else changed, else skipped when nothing ran, else unchanged. */
    public StepStatus status() {
        if (count(StepStatus.FAILED) > 0) {
            return StepStatus.FAILED;
        }
        if (count(StepStatus.CHANGED) > 0) {
            return StepStatus.CHANGED;
        }
        return count(StepStatus.SKIPPED) > 0 && count(StepStatus.UNCHANGED) == 0 ? StepStatus.SKIPPED : StepStatus.UNCHANGED;
    }

    public Duration duration() {
        return steps.stream().map(StepReport::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
