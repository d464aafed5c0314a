package dev.provisioner.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a command produced. A non-zero exit code is data, not an exception: call {@link #orThrow}
 * where failure should stop the caller.
 */
public record CommandResult(String host, String command, int exitCode, byte[] stdoutBytes, byte[] stderrBytes,
                            Duration duration) {

    public boolean ok() {
        return exitCode == 0;
    }

    public String stdout() {
        return new String(stdoutBytes, StandardCharsets.UTF_8);
    }

    public String stderr() {
        return new String(stderrBytes, StandardCharsets.UTF_8);
    }

    /** The last {@code lines} lines of stderr (or stdout when stderr is empty), for messages. */
    public String tail(int lines) {
        String text = stderrBytes.length > 0 ? stderr() : stdout();
        String[] all = text.strip().split("\n");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }

    public CommandResult orThrow() {
        if (!ok()) {
            throw new CommandFailedException(this);
        }
        return this;
    }
}
