package dev.provisioner.api;

import java.util.Optional;

/**
 * One line of an {@link OperationReport}: what an operation did about one thing on one host.
 *
 * @param host    inventory name (or the cluster's name for what is not one host's)
 * @param item    what: a probe, a stage ("kubernetes", "etcd", "host"), "snapshot", "restore", "member"
 * @param status  {@link StepStatus#UNCHANGED} fine as it was, {@code CHANGED} changed, {@code FAILED},
 *                {@code SKIPPED} not run (with why in {@code detail})
 * @param failure the kind of failure when {@code FAILED}
 * @param detail  one or more lines for people (masked)
 *
 * @since 0.1
 */
public record HostOutcome(String host, String item, StepStatus status, Optional<FailureKind> failure, String detail) {
    public static HostOutcome of(String host, String item, StepStatus status, String detail) {
        return new HostOutcome(host, item, status,
                status == StepStatus.FAILED ? Optional.of(FailureKind.STEP_FAILED) : Optional.empty(), detail);
    }
}
