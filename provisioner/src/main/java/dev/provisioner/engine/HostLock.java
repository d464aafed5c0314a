package dev.provisioner.engine;

import dev.provisioner.transport.CommandResult;

import java.util.Optional;

/**
 * The host's run lock for work outside an apply ({@code reset}): the same lock every apply takes (see
 * {@link RunLock}), held for the lifetime of the SSH connection, so a reset never runs while an apply
 * changes the host and the other way round.
 */
public final class HostLock {
    private HostLock() {
    }

    /**
     * Shell lines to put before a script: they take the lock or exit with the refusal {@link #refusedBy}
     * recognises.
     *
     * @param activity what holds the lock, in words ("reset"); the user, controller, pid and time are added
     */
    public static String acquire(String activity) {
        return RunLock.acquire(RunHolder.describeAs(activity));
    }

    /** The holder named by a script that was refused the lock, or empty when the result is not such a refusal. */
    public static Optional<String> refusedBy(CommandResult result) {
        return result.exitCode() == RunLock.REFUSED && result.stderr().contains(RunLock.REFUSAL_PREFIX)
                ? Optional.of(RunLock.holder(result.stderr())) : Optional.empty();
    }
}
