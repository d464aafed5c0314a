package dev.provisioner.cli;

import dev.provisioner.api.FailureKind;

import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.StepFailure;

import java.util.List;

/**
 * Reads a run's report the way the exit codes are documented: unreachable beats a failed step,
 * which beats a timeout, which beats "incomplete" (everything that could run did; only release
 * files that cannot be obtained here were missing).
 */
final class ReportVerdict {
    private ReportVerdict() {
    }

    /** From the failures' kinds, decided where each failure arose; never from their messages. */
    static int exitCode(ProvisionReport report) {
        List<FailureKind> kinds = report.failureKinds();
        if (kinds.isEmpty()) {
            return ExitCodes.OK;
        }
        if (kinds.contains(FailureKind.INTERRUPTED)) {
            return ExitCodes.INTERRUPTED;
        }
        if (kinds.stream().anyMatch(k -> k == FailureKind.UNREACHABLE || k == FailureKind.HOST_KEY || k == FailureKind.AUTH)) {
            return ExitCodes.UNREACHABLE;
        }
        if (kinds.contains(FailureKind.LOCKED)) {
            return ExitCodes.LOCKED;
        }
        if (kinds.stream().anyMatch(k -> k != FailureKind.MISSING_ARTIFACTS && k != FailureKind.TIMEOUT)) {
            return ExitCodes.STEP_FAILED;
        }
        if (kinds.contains(FailureKind.TIMEOUT)) {
            return ExitCodes.TIMEOUT;
        }
        return ExitCodes.INCOMPLETE;
    }

    static boolean unreachable(StepFailure f) {
        return f.step().equals("connect");
    }

    /** Another run holds the host's run lock. */
    static boolean locked(StepFailure f) {
        return f.step().equals("lock");
    }

    /** The run was interrupted (Ctrl-C). */
    static boolean interrupted(StepFailure f) {
        return f.step().equals(StepFailure.INTERRUPTED_STEP);
    }

    /** The step needs release files that cannot be obtained here; the host itself is fine. */
    static boolean missingArtifacts(StepFailure f) {
        return f.incomplete();
    }

    static boolean timedOut(StepFailure f) {
        return f.message().contains("did not finish within") || f.stderrTail().contains("health check failed after");
    }

    /** What the user should do about {@code f}, in one sentence. */
    static String whatToDo(StepFailure f) {
        if (unreachable(f)) {
            return "check the host's address and port, that sshd runs, the user and key (auth) and that its host key is in"
                    + " cluster.ssh.knownHosts (ssh-keyscan, then compare the fingerprint); then run again";
        }
        if (missingArtifacts(f)) {
            return "supply the release files listed below with --artifacts DIR, then run again";
        }
        if (locked(f)) {
            return "wait for the run named to finish (or stop it), then run again; a killed run's lock frees itself"
                    + " when its SSH connection drops";
        }
        if (interrupted(f)) {
            return "run again when ready: the run converges from where it stopped";
        }
        if (timedOut(f)) {
            return "look at the service on that host (systemctl status / journalctl -u), fix it, then run again";
        }
        if (f.step().equals("facts")) {
            return "the host answered but the facts script failed; check that it runs a supported Linux with sh, then run again";
        }
        return "fix the cause shown (stderr below), then run again: the run converges from where it stopped";
    }

    /** The cause in one line: the failure's message without its "host: phase, step:" prefix and stderr. */
    static String cause(StepFailure f) {
        String m = f.message();
        String prefix = f.host() + ": phase " + f.phase() + ", step " + f.step() + ": ";
        if (m.startsWith(prefix)) {
            m = m.substring(prefix.length());
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    /** {@code host phase/step: cause (fix: ...)}: the one-line error the CLI prints. */
    static String oneLine(StepFailure f) {
        return f.host() + " " + f.phase() + "/" + f.step() + ": " + cause(f) + " (what to do: " + whatToDo(f) + ")";
    }
}
