package dev.provisioner.exec;

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
 */
public record Failure(String host, String phase, String step, String action, int exitCode, String stderrTail,
                      String message) {
}
