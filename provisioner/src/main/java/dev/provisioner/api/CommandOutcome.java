package dev.provisioner.api;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@link Provisioner#run} got from one host.
 *
 * @param host     inventory name
 * @param failure  empty when the command exited 0; else why not: {@link FailureKind#STEP_FAILED} for a
 *                 non-zero exit, {@code UNREACHABLE}/{@code HOST_KEY}/{@code AUTH}/{@code SUDO} when it
 *                 could not run, {@code TIMEOUT}, {@code INTERRUPTED} when it was not started
 * @param exitCode the command's exit code, or -1 when it did not finish
 * @param stdout   its output (secrets masked)
 * @param stderr   its error output (secrets masked)
 * @param message  why it did not run or finish, empty otherwise (masked)
 * @param duration wall time including the connect
 *
 * @since 0.1
 */
public record CommandOutcome(String host, Optional<FailureKind> failure, int exitCode, String stdout, String stderr,
                             String message, Duration duration) {
    public boolean ok() {
        return failure.isEmpty();
    }
}
