package dev.provisioner.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command to run on a host. Every argument is single-quoted for the remote POSIX shell unless it
 * was added with {@link Builder#raw(String)}, so values from an inventory can never inject shell
 * syntax. Build with {@code Command.of("systemctl", "restart", unit).asRoot()}.
 *
 * @param line     the rendered shell line
 * @param root     run as root, through the connection's sudo mode
 * @param stdin    bytes written to the command's stdin, or empty
 * @param timeout  how long the command may run; null means the connection default
 * @param display  how the command is shown in messages and events
 */
public record Command(String line, boolean root, byte[] stdin, Duration timeout, String display) {
    public Command {
        Objects.requireNonNull(line, "line");
        stdin = stdin == null ? new byte[0] : stdin;
        display = display == null ? line : display;
    }

    /** A command whose program and arguments are all quoted. */
    public static Command of(String program, String... args) {
        Builder b = builder(program);
        for (String a : args) {
            b.arg(a);
        }
        return b.build();
    }

    /** A raw shell script or line, passed to the shell as it is. Never put untrusted values in it. */
    public static Command shell(String script) {
        return new Builder().raw(script).build();
    }

    public static Builder builder(String program) {
        return new Builder().arg(program);
    }

    public Command asRoot() {
        return new Command(line, true, stdin, timeout, display);
    }

    public Command withStdin(byte[] input) {
        return new Command(line, root, input, timeout, display);
    }

    public Command withStdin(String input) {
        return withStdin(input.getBytes(StandardCharsets.UTF_8));
    }

    public Command withTimeout(Duration limit) {
        return new Command(line, root, stdin, limit, display);
    }

    /** Quotes one word for a POSIX shell: {@code it's} becomes {@code 'it'\''s'}. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(Command::isSafe)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-_./=:,@%+".indexOf(c) >= 0;
    }

    @Override
    public String toString() {
        return display;
    }

    /** Collects quoted arguments and raw fragments in order. */
    public static final class Builder {
        private final List<String> words = new ArrayList<>();
        private boolean asRoot;
        private Duration timeout;

        public Builder arg(String word) {
            words.add(quote(Objects.requireNonNull(word, "argument")));
            return this;
        }

        public Builder args(List<String> more) {
            more.forEach(this::arg);
            return this;
        }

        /** Adds shell syntax as it is (a pipe, a redirection). Only for constants of the caller's own. */
        public Builder raw(String fragment) {
            words.add(fragment);
            return this;
        }

        public Builder asRoot() {
            this.asRoot = true;
            return this;
        }

        public Builder timeout(Duration limit) {
            this.timeout = limit;
            return this;
        }

        public Command build() {
            String line = String.join(" ", words);
            return new Command(line, asRoot, null, timeout, line);
        }
    }
}
