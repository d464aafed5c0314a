package dev.provisioner.api;

/**
 * Why a host failed.
 *
 * @param host       inventory name
 * @param phase      phase title
 * @param step       step name ({@code connect} or {@code facts} when the host was not reached)
 * @param action     the failing action
 * @param exitCode   its exit code, or -1 when no command ran
 * @param stderrTail last lines of its stderr (masked)
 * @param message    one line for people
 * @param incomplete true when the host is fine but the step needs release artifacts that cannot be obtained
 *                   here (the message names them and how to supply them with {@code --artifacts DIR})
 * @since 0.1
 */
public record StepFailure(String host, String phase, String step, String action, int exitCode, String stderrTail,
                          String message, boolean incomplete) {
    /** The {@link #step()} of the failure recorded for a host that an interrupt (Ctrl-C) stopped. */
    public static final String INTERRUPTED_STEP = dev.provisioner.engine.Executor.INTERRUPTED;

    /** A failure of the host or the step (not {@link #incomplete()}). */
    public StepFailure(String host, String phase, String step, String action, int exitCode, String stderrTail,
                       String message) {
        this(host, phase, step, action, exitCode, stderrTail, message, false);
    }
}
