package dev.provisioner.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a run did.
 *
 * @param mode     plan or apply
 * @param steps    one record per phase, host and step, in execution order
 * @param counters per host (hosts never contacted are absent)
 * @param failures every failure, in the order they happened
 * @param duration wall time
 */
public record RunOutcome(Mode mode, List<StepRecord> steps, Map<String, HostCounters> counters, List<Failure> failures,
                         Duration duration) {
    public RunOutcome {
        steps = List.copyOf(steps);
        counters = Map.copyOf(counters);
        failures = List.copyOf(failures);
    }
}
