package dev.provisioner.api;

import dev.provisioner.engine.FactsGate;
import dev.provisioner.engine.preflight.PreflightChecks;
import dev.provisioner.artifacts.MissingArtifacts;
import dev.provisioner.inventory.InventoryException;
import dev.provisioner.ops.etcd.EtcdRefusedException;
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

    /** The kind of {@code e}, or of the first typed cause it wraps (an etcd failure caused by an unreachable member). */
    static FailureKind kindOf(Throwable e) {
        FailureKind kind = own(e);
        for (Throwable c = e.getCause(); kind == FailureKind.STEP_FAILED && c != null && c != e; c = c.getCause()) {
            kind = own(c);
        }
        return kind;
    }

    private static FailureKind own(Throwable e) {
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
        if (e instanceof UpgradeRefusedException || e instanceof EtcdRefusedException || e instanceof OperationRefusedException
                || e instanceof FactsGate.Refused r && r.step().equals(PreflightChecks.STEP)) {
            return FailureKind.REFUSED;
        }
        if (e instanceof InventoryException || e instanceof IllegalArgumentException) {
            return FailureKind.INVALID_INPUT;
        }
        return FailureKind.STEP_FAILED;
    }
}
