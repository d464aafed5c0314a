package dev.provisioner.cli;

/**
 * The numbers of the CLI's exit codes, as compile-time constants (for {@code switch} and tests). What
 * each one means is said once, in {@link ExitCode}, from which every command's help, the man page and
 * docs/cli-reference.md are generated.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int INVALID_INPUT = 2;
    public static final int UNREACHABLE = 3;
    public static final int STEP_FAILED = 4;
    public static final int TIMEOUT = 5;
    public static final int INCOMPLETE = 6;
    public static final int LOCKED = 7;
    public static final int CHANGES_PENDING = 8;
    public static final int NOT_INSTALLED = 9;
    /** 128 + SIGINT, as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /** The exit code of a failure of this kind (docs/architecture.md, "Failure kinds"). */
    public static int of(dev.provisioner.api.FailureKind kind) {
        return switch (kind) {
            case UNREACHABLE, HOST_KEY, AUTH -> UNREACHABLE;
            case SUDO, STEP_FAILED -> STEP_FAILED;
            case LOCKED -> LOCKED;
            case INTERRUPTED -> INTERRUPTED;
            case TIMEOUT -> TIMEOUT;
            case MISSING_ARTIFACTS -> INCOMPLETE;
            case INVALID_INPUT, REFUSED -> INVALID_INPUT;
        };
    }
}
