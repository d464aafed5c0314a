package dev.provisioner.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The one table of the CLI's exit codes: every command returns one of these, its help lists the ones it
 * uses (see {@link Exits}), and docs/cli-reference.md is generated from this table. A number never has
 * two meanings.
 */
public enum ExitCode {
    OK(ExitCodes.OK, "success: everything asked for was done (valid, converged, healthy, nothing to change)"),
    ERROR(ExitCodes.ERROR, "the command could not do what was asked and says why on stderr (not confirmed, a file"
            + " exists, nothing found, an etcd operation refused or failed, an unexpected error; --debug adds a stack"
            + " trace)"),
    INVALID_INPUT(ExitCodes.INVALID_INPUT, "invalid input: the inventory, an option or an argument is wrong (every"
            + " problem is printed); no host was contacted and nothing was changed"),
    UNREACHABLE(ExitCodes.UNREACHABLE, "a host could not be reached, refused authentication, or presented an unknown"
            + " or changed host key"),
    STEP_FAILED(ExitCodes.STEP_FAILED, "something failed and is named: a step or command on a host, a preflight"
            + " check before any change (a port in use, too little memory: every problem listed), a probe, a"
            + " batch's health check, a stage of remove-node, an expired certificate"),
    TIMEOUT(ExitCodes.TIMEOUT, "a step, command or health check timed out"),
    INCOMPLETE(ExitCodes.INCOMPLETE, "incomplete: everything that could run here completed, but release files that"
            + " cannot be obtained here are missing (supply them with --artifacts DIR)"),
    LOCKED(ExitCodes.LOCKED, "another run holds the run lock of a host (named); nothing was changed there"),
    CHANGES_PENDING(ExitCodes.CHANGES_PENDING, "plan: the hosts differ from the inventory; apply would change them"),
    NOT_INSTALLED(ExitCodes.NOT_INSTALLED, "check: no probe failed, but a component is not installed"),
    INTERRUPTED(ExitCodes.INTERRUPTED, "interrupted (Ctrl-C): the running phase finished its current step on every"
            + " host, later phases were not run; run again to converge");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** One sentence, as help and the docs print it. */
    public String meaning() {
        return meaning;
    }

    /** The name used in JSON results, e.g. {@code changes-pending}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The entry for {@code code}; empty for a number that is not in the table. */
    public static Optional<ExitCode> of(int code) {
        return Arrays.stream(values()).filter(e -> e.code == code).findFirst();
    }
}
