package dev.provisioner.api;

/**
 * What happened to a step on a host.
 *
 * @since 0.1
 */
public enum StepStatus {
    /** Already as desired; nothing ran. */
    UNCHANGED,
    /** Actions ran ({@code apply}) or would run ({@code plan}). */
    CHANGED,
    /** An action failed, or the step could not be computed. */
    FAILED,
    /** Not run because something failed before it. */
    SKIPPED
}
