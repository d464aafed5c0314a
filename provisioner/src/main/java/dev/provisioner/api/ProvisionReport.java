package dev.provisioner.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The result of {@link Provisioner#plan()} or {@link Provisioner#apply()}: per host, per step,
 * unchanged / changed / failed / skipped with reasons, durations and counters.
 *
 * @param mode     plan or apply
 * @param hosts    one report per host worked on, inventory order
 * @param failures every failure
 * @param duration wall time
 * @param failureKinds the kind of each failure, in the order of {@code failures} (decided where each arose)
 * @since 0.1
 */
public record ProvisionReport(RunMode mode, List<HostReport> hosts, List<StepFailure> failures, Duration duration,
                              List<FailureKind> failureKinds) {
    public ProvisionReport {
        hosts = List.copyOf(hosts);
        failures = List.copyOf(failures);
        failureKinds = List.copyOf(failureKinds);
        if (failureKinds.size() != failures.size()) {
            throw new IllegalArgumentException("one failure kind per failure: " + failures.size() + " failures, "
                    + failureKinds.size() + " kinds");
        }
    }

    /**
     * A report built by hand (tests, embedders replaying a run): each failure is
     * {@link FailureKind#MISSING_ARTIFACTS} when incomplete, else {@link FailureKind#STEP_FAILED}.
     */
    public ProvisionReport(RunMode mode, List<HostReport> hosts, List<StepFailure> failures, Duration duration) {
        this(mode, hosts, failures, duration, failures.stream()
                .map(f -> f.incomplete() ? FailureKind.MISSING_ARTIFACTS : FailureKind.STEP_FAILED).toList());
    }

    /** The kind of {@code failure}, one of {@link #failures()}. */
    public FailureKind kindOf(StepFailure failure) {
        int i = failures.indexOf(failure);
        if (i < 0) {
            throw new IllegalArgumentException("not a failure of this report: " + failure);
        }
        return failureKinds.get(i);
    }

    /** No step failed. */
    public boolean ok() {
        return failures.isEmpty();
    }

    /** Some step changed something (apply) or would (plan). */
    public boolean changed() {
        return hosts.stream().anyMatch(h -> h.count(StepStatus.CHANGED) > 0);
    }

    public Optional<HostReport> host(String name) {
        return hosts.stream().filter(h -> h.host().equals(name)).findFirst();
    }

    /** Every step report, hosts in order. */
    public List<StepReport> steps() {
        return hosts.stream().flatMap(h -> h.steps().stream()).toList();
    }

    /** Counters summed over all hosts. */
    public Counters totals() {
        return hosts.stream().map(HostReport::counters).reduce(Counters.ZERO, Counters::plus);
    }

    /** Returns this report when ok; otherwise throws for the first failure. */
    public ProvisionReport orThrow() {
        if (!ok()) {
            throw new StepFailedException(failures.get(0));
        }
        return this;
    }
}
