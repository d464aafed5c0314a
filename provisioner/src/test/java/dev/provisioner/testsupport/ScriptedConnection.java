package dev.provisioner.testsupport;

import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.OutputListener;
import dev.provisioner.transport.TransportStats;
import dev.provisioner.transport.Upload;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A stand-in connection for tests of what the library does with answers (no SSH): every command is
 * recorded and answered by {@code answer}. Uploads and reads are refused.
 */
public final class ScriptedConnection implements Connection {
    private final Endpoint endpoint;
    private final Function<Command, CommandResult> answer;
    /** Every command run, in order. */
    public final List<Command> commands = Collections.synchronizedList(new ArrayList<>());

    public ScriptedConnection(Endpoint endpoint, Function<Command, CommandResult> answer) {
        this.endpoint = endpoint;
        this.answer = answer;
    }

    /** A result of {@code command} on {@code host} with this exit code, stdout and stderr. */
    public static CommandResult result(String host, Command command, int exitCode, String stdout, String stderr) {
        return new CommandResult(host, command.display(), exitCode, stdout.getBytes(StandardCharsets.UTF_8),
                stderr.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }

    @Override
    public CommandResult run(Command command, OutputListener listener) {
        commands.add(command);
        return answer.apply(command);
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public String hostKeyFingerprint() {
        return "SHA256:stand-in";
    }

    @Override
    public void upload(List<Upload> uploads) {
        throw new UnsupportedOperationException("stand-in connection: no uploads");
    }

    @Override
    public byte[] read(String remotePath, boolean asRoot) {
        throw new UnsupportedOperationException("stand-in connection: no reads");
    }

    @Override
    public TransportStats stats() {
        return new TransportStats();
    }

    @Override
    public void close() {
    }
}
