package dev.provisioner.engine.preflight;

/**
 * One finding of a preflight check.
 *
 * @param host     inventory name
 * @param blocking true when apply must not start (a warning otherwise)
 * @param message  what is wrong and how to fix it
 */
public record HostProblem(String host, boolean blocking, String message) {
    /** {@code host: message}, warnings marked. */
    public String format() {
        return host + ": " + (blocking ? "" : "warning: ") + message;
    }
}
