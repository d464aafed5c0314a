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
 */
public record Failure(String host, String phase, String step, String action, int exitCode, String stderrTail,
                      String message, boolean incomplete) {
    /** A failure of the host or the step (not {@link #incomplete()}). */
    public Failure(String host, String phase, String step, String action, int exitCode, String stderrTail, String message) {
        this(host, phase, step, action, exitCode, stderrTail, message, false);
    }
}
