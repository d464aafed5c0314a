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
 */
public record StepFailure(String host, String phase, String step, String action, int exitCode, String stderrTail,
                          String message) {
}
