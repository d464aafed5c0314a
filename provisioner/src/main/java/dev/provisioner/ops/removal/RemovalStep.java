package dev.provisioner.ops.removal;

import java.util.Objects;

/**
 * One stage of removing a host and how it went.
 *
 * @param stage  {@code kubernetes}, {@code etcd} or {@code host}
 * @param status what happened
 * @param detail one line saying what was done, skipped or failed, and why
 */
public record RemovalStep(String stage, Status status, String detail) {
    public RemovalStep {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public enum Status { DONE, SKIPPED, FAILED }

    static RemovalStep done(String stage, String detail) {
        return new RemovalStep(stage, Status.DONE, detail);
    }

    static RemovalStep skipped(String stage, String detail) {
        return new RemovalStep(stage, Status.SKIPPED, detail);
    }

    static RemovalStep failed(String stage, String detail) {
        return new RemovalStep(stage, Status.FAILED, detail);
    }
}
