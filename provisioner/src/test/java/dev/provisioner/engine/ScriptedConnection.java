package dev.provisioner.engine;

import dev.provisioner.transport.Auth;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.OutputListener;
import dev.provisioner.transport.TransportStats;
import dev.provisioner.transport.Upload;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A FAKE {@link Connection} that answers every command with a given function and records the commands. */
final class ScriptedConnection implements Connection {
    final List<Command> commands = new CopyOnWriteArrayList<>();
    private final TransportStats stats = new TransportStats();
    private final Function<Command, CommandResult> answer;
    /** Thrown by every upload when set. */
    volatile RuntimeException uploadFailure;

    ScriptedConnection(Function<Command, CommandResult> answer) {
        this.answer = answer;
    }

    /**
     * Answers the facts script with a bare Debian host (in apply: read without the run lock, nobody else
     * held it) and every other command, the taking of the lock included, with {@code apply}.
     */
    static ScriptedConnection debian(Function<Command, CommandResult> apply) {
        return new ScriptedConnection(c -> c.display().equals("gather facts")
                ? result(0, (c.line().contains("locknow()") ? HostSession.LOCK_LINE + "free\t\n" : "") + "os\tdebian\t12\t\narch\tx86_64\npm\tapt\nend\n", "")
                : apply.apply(c));
    }

    /** A result on host {@code h} with exit code {@code exit}, stdout and stderr. */
    static CommandResult result(int exit, String stdout, String stderr) {
        return new CommandResult("h", "scripted", exit, stdout.getBytes(StandardCharsets.UTF_8),
                stderr.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }

    @Override
    public Endpoint endpoint() {
        return new Endpoint("h", "fake", 22, "root", Auth.PrivateKey.of(Path.of("/none")), null, null);
    }

    @Override
    public String hostKeyFingerprint() {
        return "SHA256:fake";
    }

    @Override
    public CommandResult run(Command command, OutputListener listener) {
        commands.add(command);
        stats.roundTrip();
        return answer.apply(command);
    }

    @Override
    public void upload(List<Upload> uploads) {
        stats.roundTrip();
        if (uploadFailure != null) {
            throw uploadFailure;
        }
    }

    @Override
    public byte[] read(String remotePath, boolean asRoot) {
        throw new UnsupportedOperationException("scripted connection: no reads");
    }

    @Override
    public TransportStats stats() {
        return stats;
    }

    @Override
    public void close() {
    }
}
