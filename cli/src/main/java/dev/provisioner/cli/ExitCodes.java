package dev.provisioner.cli;

/**
 * The CLI's documented exit codes (README, "Exit codes"). {@code plan} additionally uses
 * {@link #CHANGES_PENDING} like {@code terraform plan -detailed-exitcode}.
 */
public final class ExitCodes {
    /** Everything asked for was done (or: valid, converged). */
    public static final int OK = 0;
    /** An unexpected error; see the message (and --debug for a stack trace). */
    public static final int ERROR = 1;
    /** The inventory is invalid, or the command line is wrong. Nothing was contacted. */
    public static final int INVALID_INPUT = 2;
    /** {@code plan}: the cluster would change. */
    public static final int CHANGES_PENDING = 2;
    /** A host could not be reached, refused authentication, or presented an unknown or changed host key. */
    public static final int UNREACHABLE = 3;
    /** A step failed on a host. */
    public static final int STEP_FAILED = 4;
    /** A step or health check timed out. */
    public static final int TIMEOUT = 5;
    /** The run could not do everything asked: artifacts that cannot be obtained were missing. */
    public static final int INCOMPLETE = 6;
    /** Another run holds the run lock of a host (the message names it); nothing was changed. */
    public static final int LOCKED = 7;
    /**
     * The run was interrupted (Ctrl-C / SIGINT, or its thread was interrupted): the phase running then
     * finished its current step on every host (or was abandoned after a grace period) and later
     * phases were not run. 128 + SIGINT, as shells report it.
     */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
