package dev.provisioner.engine;

/**
 * Why a host failed in a phase.
 *
 * @param host       inventory name
 * @param phase      phase title
 * @param step       step name ("connect" or "facts" when the host was not reached)
 * @param action     the failing action, described
 * @param exitCode   exit code of the failing action, or -1 when nothing ran (unreachable, render error)
 * @param stderrTail the last lines of its stderr (secrets masked)
 * @param message    one line for people
 * @param incomplete true when nothing is wrong with the host but the step needs something that cannot be
 *                   obtained in this run (missing release artifacts): the run is incomplete, not broken
 * @param cause      what was thrown where the failure arose (its type says what kind of failure it is:
 *                   an {@code UnreachableException}, a {@code RunLockedException}, a {@code TimeoutException}
 *                   for a health check that ran out of time, an {@code InterruptedException} for an
 *                   interrupted run, ...), or null when a command simply exited non-zero
 */
public record Failure(String host, String phase, String step, String action, int exitCode, String stderrTail,
                      String message, boolean incomplete, Throwable cause) {
    /** A failure of the host or the step (not {@link #incomplete()}). */
    public Failure(String host, String phase, String step, String action, int exitCode, String stderrTail, String message) {
        this(host, phase, step, action, exitCode, stderrTail, message, false, null);
    }

    /** The same failure, arisen from {@code thrown}. */
    public Failure causedBy(Throwable thrown) {
        return new Failure(host, phase, step, action, exitCode, stderrTail, message, incomplete, thrown);
    }
}
