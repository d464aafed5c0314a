package dev.provisioner.engine.preflight;

/**
 * One finding of a preflight check.
 *
 * @param host     inventory name
 * @param check    the check's name ({@link dev.provisioner.inventory.InstallSettings#PREFLIGHT_CHECKS})
 * @param blocking true when the run must not start (a warning otherwise, also when the inventory ignores the check)
 * @param message  what is wrong and how to fix it
 */
public record HostProblem(String host, String check, boolean blocking, String message) {
    /** {@code host: message}, warnings marked. */
    public String format() {
        return host + ": " + (blocking ? "" : "warning: ") + message;
    }

    /** The same finding as a warning. */
    HostProblem warning() {
        return new HostProblem(host, check, false, message + " (ignored: install.preflightIgnore names " + check + ")");
    }
}
