package dev.provisioner.api;


/**
 * Thrown by {@link ProvisionReport#orThrow()}: a step failed on a host.
 *
 * @since 0.1
 */
public class StepFailedException extends RuntimeException {
    private final transient StepFailure failure;

    public StepFailedException(StepFailure failure) {
        super(failure.message());
        this.failure = failure;
    }

    public StepFailure failure() {
        return failure;
    }

    public String host() {
        return failure.host();
    }

    public String step() {
        return failure.step();
    }

    public int exitCode() {
        return failure.exitCode();
    }

    public String stderrTail() {
        return failure.stderrTail();
    }
}
