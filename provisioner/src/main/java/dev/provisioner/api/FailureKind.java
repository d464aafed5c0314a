package dev.provisioner.api;

/**
 * What kind of failure ended a step, a host's part of an operation, or an operation. It is decided
 * where the failure arises, from the type of what was thrown there (transport, engine, operation
 * context), never from a message. The CLI maps it to its exit codes.
 *
 * @since 0.1
 */
public enum FailureKind {
    /** The host did not answer (address, port, sshd, network). */
    UNREACHABLE,
    /** The host presented an unknown or changed host key. */
    HOST_KEY,
    /** The host refused the user's key or password. */
    AUTH,
    /** The host refused sudo for the user. */
    SUDO,
    /** Another run holds the host's run lock; nothing was changed there. */
    LOCKED,
    /** The caller interrupted the operation (Ctrl-C); hosts at work finished their current step. */
    INTERRUPTED,
    /** A command or a health check did not finish in time. */
    TIMEOUT,
    /** Release files that cannot be obtained here were needed; the host itself is fine. */
    MISSING_ARTIFACTS,
    /** A step, command or script failed on a host (non-zero exit, bad output). */
    STEP_FAILED,
    /** The input (inventory, options, file) is wrong; nothing was contacted. */
    INVALID_INPUT,
    /** The operation refused to start because it would be unsafe (version skew, lost quorum, a failed preflight check). */
    REFUSED
}
