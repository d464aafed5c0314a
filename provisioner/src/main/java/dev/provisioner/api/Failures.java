package dev.provisioner.api;

import dev.provisioner.artifacts.MissingArtifacts;
import dev.provisioner.inventory.InventoryException;
import dev.provisioner.ops.upgrade.UpgradeRefusedException;
import dev.provisioner.operation.RunLockedException;
import dev.provisioner.transport.AuthenticationException;
import dev.provisioner.transport.CommandTimeoutException;
import dev.provisioner.transport.HostKeyException;
import dev.provisioner.transport.SudoException;
import dev.provisioner.transport.UnreachableException;

import java.util.concurrent.TimeoutException;

/** The {@link FailureKind} of what was thrown where a failure arose, by its type. */
final class Failures {
    private Failures() {
    }

    static FailureKind kindOf(Throwable e) {
        if (e instanceof HostKeyException) {
            return FailureKind.HOST_KEY;
        }
        if (e instanceof AuthenticationException) {
            return FailureKind.AUTH;
        }
        if (e instanceof UnreachableException) {
            return FailureKind.UNREACHABLE;
        }
        if (e instanceof SudoException) {
            return FailureKind.SUDO;
        }
        if (e instanceof CommandTimeoutException) {
            return FailureKind.TIMEOUT;
        }
        if (e instanceof RunLockedException) {
            return FailureKind.LOCKED;
        }
        if (e instanceof InterruptedException) {
            return FailureKind.INTERRUPTED;
        }
        if (e instanceof TimeoutException) {
            return FailureKind.TIMEOUT;
        }
        if (e instanceof MissingArtifacts) {
            return FailureKind.MISSING_ARTIFACTS;
        }
        if (e instanceof UpgradeRefusedException) {
            return FailureKind.REFUSED;
        }
        if (e instanceof InventoryException || e instanceof IllegalArgumentException) {
            return FailureKind.INVALID_INPUT;
        }
        return FailureKind.STEP_FAILED;
    }
}
