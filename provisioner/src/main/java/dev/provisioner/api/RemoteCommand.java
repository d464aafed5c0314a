package dev.provisioner.api;

import java.time.Duration;
import java.util.List;

/**
 * One ad-hoc command for {@link Provisioner#run}: either a program and its arguments (each quoted, no
 * shell syntax) or one shell line, as the login user or as root through the host's sudo mode.
 *
 * @param words   the program and its arguments, or the one shell line
 * @param shell   whether {@code words} is a single shell line
 * @param root    run through the host's sudo mode
 * @param timeout per-host limit
 *
 * @since 0.1
 */
public record RemoteCommand(List<String> words, boolean shell, boolean root, Duration timeout) {
    /** The default per-host limit. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

    public RemoteCommand {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("command: at least the program is required");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive, got " + timeout);
        }
    }

    /** A program and its arguments, each quoted. */
    public static RemoteCommand of(String program, String... args) {
        List<String> all = new java.util.ArrayList<>();
        all.add(program);
        all.addAll(List.of(args));
        return new RemoteCommand(all, false, false, DEFAULT_TIMEOUT);
    }

    /** One shell line (pipes, redirections). */
    public static RemoteCommand shell(String line) {
        return new RemoteCommand(List.of(line), true, false, DEFAULT_TIMEOUT);
    }

    public RemoteCommand asRoot() {
        return new RemoteCommand(words, shell, true, timeout);
    }

    public RemoteCommand withTimeout(Duration limit) {
        return new RemoteCommand(words, shell, root, limit);
    }
}
