package dev.provisioner.transport;

import java.util.UUID;

/**
 * The remote half of command timeouts, shared by every backend. Closing a channel is not enough to
 * stop a command: OpenSSH keeps a session's process running until it exits, and refuses channel
 * signals for root logins. So a backend runs {@link #prepared()} instead of the original line (it
 * records the login shell's process id; sshd makes that shell a process-group leader) and, when
 * the deadline passes, closes the channel and runs {@link #killScript()} as the same identity as
 * the command ({@code asRoot} when the command was), which kills the whole group, sudo included.
 *
 * <pre>{@code
 * TimedCommand timed = new TimedCommand(SudoWrapper.prepare(command, endpoint));
 * // exec timed.prepared().line() with timed.prepared().stdin(); on timeout:
 * run(Command.shell(timed.killScript()).withTimeout(...), command.root());
 * }</pre>
 */
public final class TimedCommand {
    private final SudoWrapper.Prepared prepared;
    private final String pidFile;

    /** Wraps a line already prepared by {@link SudoWrapper#prepare}. */
    public TimedCommand(SudoWrapper.Prepared original) {
        this.pidFile = "/tmp/.provisioner-pid-" + UUID.randomUUID();
        String file = Command.quote(pidFile);
        // The login shell runs the original line in a child of the same shell, so it keeps its
        // semantics (same shell, same stdin) while the wrapper removes the pid file afterwards.
        String line = "printf %s \"$$\" > " + file + "; \"${SHELL:-/bin/sh}\" -c " + Command.quote(original.line())
                + "; rc=$?; rm -f " + file + "; exit $rc";
        this.prepared = new SudoWrapper.Prepared(line, original.stdin());
    }

    /** What to execute instead of the original: the same stdin, a line that records its process group. */
    public SudoWrapper.Prepared prepared() {
        return prepared;
    }

    /**
     * A shell script that kills the recorded process group (or, where the shell leads no group, the
     * shell and all its descendants) and removes the record; exits 0 whatever it found.
     */
    public String killScript() {
        // "kill -s KILL --" rather than "kill -KILL --": dash, /bin/sh on Debian, rejects the latter.
        String file = Command.quote(pidFile);
        // Without a group (a server that does not start a session per channel), the shell is stopped
        // so it forks no more, then it and every descendant, however deep, are killed.
        return "pg=$(cat " + file + " 2>/dev/null) || exit 0; rm -f " + file + "; [ -n \"$pg\" ] || exit 0\n"
                + "kill -s KILL -- -\"$pg\" 2>/dev/null && exit 0\n"
                + "tree() { for c in $(pgrep -P \"$1\"); do tree \"$c\"; done; echo \"$1\"; }\n"
                + "kill -s STOP \"$pg\" 2>/dev/null; kill -s KILL $(tree \"$pg\") 2>/dev/null; exit 0";
    }
}
