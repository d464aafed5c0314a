package dev.provisioner.operation;

import dev.provisioner.ProvisionerException;

/** Another run holds a host's {@link RunLock}: this run changes nothing and names the holder. */
public final class RunLockedException extends ProvisionerException {
    private final String host;
    private final String holder;

    public RunLockedException(String host, String holder) {
        super(RunLock.NO_FLOCK.equals(holder)
                ? "the run lock cannot be taken: flock is missing on this host (install util-linux); nothing was changed"
                : holder.startsWith(RunLock.CHANGED_SINCE)
                ? "another run took this host's lock after this run read its facts, so they may be stale: "
                + holder.substring(RunLock.CHANGED_SINCE.length()) + "; this run changed nothing; run it again"
                : "another run holds the lock on this host: " + holder
                + " (the lock is released when that run ends or its connection drops)");
        this.host = host;
        this.holder = holder;
    }

    public String host() {
        return host;
    }

    /** Who holds the lock, as that run recorded it (run id, user@controller, pid, start time). */
    public String holder() {
        return holder;
    }
}
