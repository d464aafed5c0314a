package dev.provisioner.transport;

import java.nio.charset.StandardCharsets;

/**
 * Turns a {@link Command} into what a backend executes: the command line (wrapped in sudo when it
 * must run as root and the user is not root) and the bytes for stdin. Shared by every backend so
 * that sudo behaves identically on all of them.
 *
 * <p>With a sudo password, the password is the first line of stdin ({@code sudo -S}); it never
 * appears in argv. A wrong password makes sudo ask again, and the second read hits end of input, so
 * sudo fails at once instead of retrying (no lockouts). Commands that need stdin of their own are
 * therefore refused under a sudo password: backends pass such input as a staged file instead.
 * When sudo does not ask (a {@code NOPASSWD} sudoers entry), the password line stays unread on
 * stdin; the root shell therefore starts with its stdin on {@code /dev/null}, so the command never
 * sees the password, whether sudo read it or not.
 */
public final class SudoWrapper {
    /** The prompt sudo prints (on stderr) each time it reads a password; removed from captured stderr. */
    public static final String PROMPT = "[provisioner-sudo]";

    private SudoWrapper() {
    }

    /** The command line and stdin to execute. */
    public record Prepared(String line, byte[] stdin) {
    }

    public static Prepared prepare(Command command, Endpoint endpoint) {
        if (!command.root() || "root".equals(endpoint.user())) {
            return new Prepared(command.line(), command.stdin());
        }
        String inner = "sh -c " + Command.quote(command.line());
        Sudo sudo = endpoint.sudo();
        if (sudo instanceof Sudo.WithPassword withPassword) {
            if (command.stdin().length > 0) {
                throw new IllegalArgumentException("a command with its own stdin cannot run under a sudo password;"
                        + " stage the input as a file and redirect it");
            }
            byte[] pw = (withPassword.password().reveal() + "\n").getBytes(StandardCharsets.UTF_8);
            String closed = "sh -c " + Command.quote("exec </dev/null\n" + command.line());
            return new Prepared("sudo -S -p " + Command.quote(PROMPT) + " -- " + closed, pw);
        }
        // Passwordless, and None for a non-root user asked to run as root: -n fails at once with
        // "a password is required" instead of hanging on a prompt nobody answers.
        return new Prepared("sudo -n -- " + inner, command.stdin());
    }

    /**
     * Checks a finished command for sudo's own refusal and throws {@link SudoException}; otherwise
     * returns the result with sudo's prompt removed from stderr.
     */
    public static CommandResult check(CommandResult result, Command command, Endpoint endpoint) {
        if (!command.root() || "root".equals(endpoint.user())) {
            return result;
        }
        String stderr = result.stderr();
        int promptAt = stderr.indexOf(PROMPT);
        String cleaned = promptAt < 0 ? stderr : stderr.substring(promptAt + PROMPT.length());
        if (result.exitCode() != 0) {
            if (cleaned.contains("incorrect password") || cleaned.contains("Sorry, try again")
                    || cleaned.contains("no password was provided")) {
                throw new SudoException(endpoint.name(), "sudo refused the password for user '" + endpoint.user()
                        + "' (not retried, to avoid a lockout); check the host's sudo password in the inventory");
            }
            if (cleaned.contains("a password is required") || cleaned.contains("a terminal is required")) {
                throw new SudoException(endpoint.name(), "sudo needs a password for user '" + endpoint.user()
                        + "' but none is configured; set sudo: password and a sudo password in the inventory");
            }
            if (cleaned.contains("is not in the sudoers file") || cleaned.contains("may not run sudo")) {
                throw new SudoException(endpoint.name(), "user '" + endpoint.user() + "' may not use sudo on this host");
            }
        }
        if (promptAt < 0) {
            return result;
        }
        return new CommandResult(result.host(), result.command(), result.exitCode(), result.stdoutBytes(),
                cleaned.getBytes(StandardCharsets.UTF_8), result.duration());
    }
}
