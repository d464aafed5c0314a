package dev.provisioner.transport;

import java.util.UUID;

/**
 * The remote half of command timeouts, shared by every backend. Closing a channel is not enough to
 * stop a command: OpenSSH keeps a session's process running until it exits, and refuses channel
 * signals for root logins. So a backend runs {@link #prepared()} instead of the original line: the
 * same line between a no-op that names a token unique to this command and an {@code exit $?}, so the
 * login shell's command line (sshd makes that shell a process-group leader) carries the token for as
 * long as the command runs. When the deadline passes the backend closes the channel and runs
 * {@link #killScript()} as the same identity as the command ({@code asRoot} when the command was),
 * which finds the processes whose command line has the token and kills their whole group, sudo included.
 *
 * <p>The line runs in the login shell itself, as it would unwrapped: no record file to write and
 * remove, no second shell (a host's CPU for every timed exchange: a shell start and an {@code rm}).
 * The kill script finds the shell by reading {@code /proc/<pid>/cmdline} with {@code grep}, which every
 * host has (procps' {@code pgrep} is missing from minimal images); its pattern is written so that it
 * does not match itself ({@code [p]rovisioner-...} matches the token, not the pattern's own text).
 *
 * <pre>{@code
 * TimedCommand timed = new TimedCommand(SudoWrapper.prepare(command, endpoint));
 * // exec timed.prepared().line() with timed.prepared().stdin(); on timeout:
 * run(Command.shell(timed.killScript()).withTimeout(...), command.root());
 * }</pre>
 */
public final class TimedCommand {
    private static final String MARK = "provisioner-timed-";
    private final SudoWrapper.Prepared prepared;
    private final String token;

    /** Wraps a line already prepared by {@link SudoWrapper#prepare}. */
    public TimedCommand(SudoWrapper.Prepared original) {
        this.token = UUID.randomUUID().toString();
        // ':' is the shell's no-op: the token only has to be in the shell's argv. Newlines, not ';',
        // so that a line starting or ending with a comment keeps its meaning. The closing "exit $?"
        // (the status the line ends with anyway) keeps the shell from replacing itself with the line's
        // last command, as bash and dash do with the last command of "-c": that command's argv would not
        // have the token, and the shell would no longer lead its group under the recorded name.
        this.prepared = new SudoWrapper.Prepared(": " + MARK + token + "\n" + original.line() + "\nexit $?",
                original.stdin());
    }

    /** What to execute instead of the original: the same stdin, the same line behind a no-op naming the token. */
    public SudoWrapper.Prepared prepared() {
        return prepared;
    }

    /**
     * A shell script that kills the process groups led by the processes whose command line carries the
     * token (or, where the shell leads no group, those processes and all their descendants); exits 0
     * whatever it found.
     */
    public String killScript() {
        // The first character in brackets: the regular expression matches the token, while the
        // script's own command line (and grep's) hold "[p]..." and so do not match.
        String pattern = "[" + MARK.charAt(0) + "]" + MARK.substring(1) + token;
        // "kill -s KILL --" rather than "kill -KILL --": dash, /bin/sh on Debian, rejects the latter.
        // Without a group (a server that does not start a session per channel), the shells are stopped
        // so they fork no more, then they and every descendant, however deep, are killed.
        return "ps=; for f in $(grep -l -s -e '" + pattern + "' /proc/[0-9]*/cmdline 2>/dev/null); do"
                + " p=${f#/proc/}; ps=\"$ps ${p%/cmdline}\"; done\n"
                + "[ -n \"$ps\" ] || exit 0\n"
                + "g=; for p in $ps; do kill -s KILL -- -\"$p\" 2>/dev/null && g=1; done\n"
                + "[ -z \"$g\" ] || exit 0\n"
                + "tree() { for c in $(pgrep -P \"$1\" 2>/dev/null); do tree \"$c\"; done; echo \"$1\"; }\n"
                + "kill -s STOP $ps 2>/dev/null; kill -s KILL $(for p in $ps; do tree \"$p\"; done) 2>/dev/null; exit 0";
    }
}
