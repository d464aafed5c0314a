package dev.provisioner.engine;

/** What happened to a step on a host. */
enum StepStatus {
    /** Already as desired; nothing ran. */
    UNCHANGED,
    /** Actions ran (apply) or would run (plan). */
    CHANGED,
    /** An action failed, or the step could not be computed. */
    FAILED,
    /** Not run, because something failed before it. */
    SKIPPED
}
