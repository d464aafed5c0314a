package dev.provisioner.cli;

import java.time.Duration;

/**
 * What {@code provisioner run} got from one host.
 *
 * @param host     inventory name
 * @param status   ok, failed (non-zero exit), unreachable (connect, auth, host key), timeout, error
 * @param exitCode the command's exit code, or -1 when it did not finish
 * @param stdout   its output (secrets masked)
 * @param stderr   its error output (secrets masked)
 * @param message  why it did not run or finish, empty otherwise
 * @param duration wall time including the connect
 */
record HostRun(String host, Status status, int exitCode, String stdout, String stderr, String message, Duration duration) {

    /** How a host's command ended; the order is the exit-code precedence. */
    enum Status { OK, UNREACHABLE, FAILED, TIMEOUT, ERROR }

    boolean ok() {
        return status == Status.OK;
    }
}
