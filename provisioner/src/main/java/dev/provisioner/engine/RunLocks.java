package dev.provisioner.engine;

import dev.provisioner.operation.HostFanOut;
import dev.provisioner.operation.RunLockedException;

import java.util.Collection;
import java.util.List;

/**
 * The run lock of every host of an apply, taken once, at the run's first change, before any host is
 * changed. Until then the hosts were only read (facts, without the lock when nobody else held it: see
 * {@link HostSession}), so a no-op run never takes a lock, and a run that changes one host still changes
 * none when any host's lock is refused: held by another run, or taken by one since this run read the
 * facts. The first host worker that is about to change its host takes them all, on every host at once;
 * the others wait for it, and all share the outcome.
 */
final class RunLocks {
    private final HostFanOut fanOut;
    private List<HostSession> sessions = List.of();
    private boolean taken;
    private RuntimeException refused;

    RunLocks(HostFanOut fanOut) {
        this.fanOut = fanOut;
    }

    /** The run's hosts: every one of them is locked at the first change (set once the sessions exist). */
    synchronized void cover(Collection<HostSession> all) {
        sessions = List.copyOf(all);
    }

    /**
     * Returns once every host of the run holds its lock for this run (at once when they already do).
     *
     * @param requester the host about to change; locked with the others (alone when none were given)
     * @throws RunLockedException a host's lock was refused; no host was changed by this run
     * @throws RuntimeException   a host could not be asked; no host was changed by this run
     */
    synchronized void beforeChange(HostSession requester) {
        if (refused != null) {
            throw refused;
        }
        if (taken) {
            return;
        }
        List<HostSession> all = sessions.isEmpty() ? List.of(requester) : sessions;
        List<RuntimeException> outcomes = fanOut.map(all, s -> {
            try {
                s.lock();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }, s -> new IllegalStateException(s.host().name() + ": the run was interrupted before its lock was taken; nothing was changed"));
        for (RuntimeException e : outcomes) {
            if (e != null) {
                refused = e;
                throw e;
            }
        }
        taken = true;
    }
}
