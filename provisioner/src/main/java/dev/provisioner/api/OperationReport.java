package dev.provisioner.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a day-2 operation of the facade did (check, remove-node, etcd snapshot, restore, member remove):
 * one outcome per thing per host, and, when the operation as a whole failed or was refused before it
 * got to the hosts, why.
 *
 * @param operation its name ("check", "remove-node", "etcd restore", ...)
 * @param outcomes  in inventory (or stage) order
 * @param failure   the operation's own failure (refused, locked, unreachable, ...), empty when it ran
 * @param summary   one line for people (masked)
 * @param duration  wall time
 *
 * @since 0.1
 */
public record OperationReport(String operation, List<HostOutcome> outcomes, Optional<FailureKind> failure, String summary,
                              Duration duration) {
    public OperationReport {
        outcomes = List.copyOf(outcomes);
    }

    /** Ran, and nothing failed. */
    public boolean ok() {
        return failure.isEmpty() && outcomes.stream().noneMatch(o -> o.status() == StepStatus.FAILED);
    }

    /** Every failure kind in the report, the operation's own first. */
    public List<FailureKind> failureKinds() {
        return java.util.stream.Stream.concat(failure.stream(), outcomes.stream().flatMap(o -> o.failure().stream())).toList();
    }
}
