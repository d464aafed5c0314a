package dev.provisioner.transport.jsch;

import com.jcraft.jsch.Session;

import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.CommandTimeoutException;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.OutputListener;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.Sudo;
import dev.provisioner.transport.SudoWrapper;
import dev.provisioner.transport.TimedCommand;
import dev.provisioner.transport.TransportException;
import dev.provisioner.transport.TransportOptions;
import dev.provisioner.transport.TransportStats;
import dev.provisioner.transport.Upload;
import dev.provisioner.transport.UploadScript;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One JSch session to a host (plus the bastion sessions it runs through), reused for every command
 * and upload. Commands get their own exec channel; an upload batch gets one SFTP channel and one
 * finishing command.
 */
final class JschConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(JschConnection.class);
    /** How long the clean-up after a timed-out command may take. */
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);

    private final Endpoint endpoint;
    private final List<Session> sessions;
    private final Session session;
    private final String fingerprint;
    private final SecretMasker masker;
    private final TransportStats stats = new TransportStats();
    private final CommandExec exec;
    private final SftpStaging staging;
    private volatile boolean closed;

    /** {@code sessions} runs from the outermost bastion to the target, which is last. */
    JschConnection(Endpoint endpoint, List<Session> sessions, String fingerprint, TransportOptions options) {
        this.endpoint = endpoint;
        this.sessions = List.copyOf(sessions);
        this.session = sessions.get(sessions.size() - 1);
        this.fingerprint = fingerprint;
        this.masker = options.masker();
        this.exec = new CommandExec(endpoint.name(), masker, options.connectTimeout());
        this.staging = new SftpStaging(endpoint.name(), masker, options.connectTimeout());
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public String hostKeyFingerprint() {
        return fingerprint;
    }

    @Override
    public CommandResult run(Command command, OutputListener listener) {
        requireOpen();
        if (needsStagedStdin(command)) {
            return runWithStagedStdin(command, listener);
        }
        SudoWrapper.Prepared prepared = SudoWrapper.prepare(command, endpoint);
        stats.roundTrip();
        stats.sent(prepared.line().length() + (long) prepared.stdin().length);
        if (command.timeout() == null) {
            return SudoWrapper.check(exec.run(session, prepared.line(), prepared.stdin(), command, listener),
                    command, endpoint);
        }
        TimedCommand timed = new TimedCommand(prepared);
        try {
            CommandResult result = exec.run(session, timed.prepared().line(), timed.prepared().stdin(), command,
                    listener);
            return SudoWrapper.check(result, command, endpoint);
        } catch (CommandTimeoutException e) {
            killQuietly(timed, command.root());
            throw e;
        }
    }

    /**
     * Kills what a timed-out command left running, as the identity that started it (through sudo
     * when it ran as root): closing its channel does not stop it on OpenSSH.
     */
    private void killQuietly(TimedCommand timed, boolean root) {
        try {
            Command kill = Command.shell(timed.killScript()).withTimeout(KILL_TIMEOUT);
            run(root ? kill.asRoot() : kill, OutputListener.NONE);
        } catch (RuntimeException e) {
            LOG.debug("{}: could not kill a timed-out command: {}", endpoint.name(), masker.mask(e.getMessage()));
        }
    }

    /** sudo reads its password from stdin, so a root command's own input travels as a staged file. */
    private boolean needsStagedStdin(Command command) {
        return command.root() && command.stdin().length > 0 && !"root".equals(endpoint.user())
                && endpoint.sudo() instanceof Sudo.WithPassword;
    }

    private CommandResult runWithStagedStdin(Command command, OutputListener listener) {
        String dir = staging.stage(session, List.of(Upload.of("/stdin", command.stdin())), stats);
        stats.roundTrip();
        String file = Command.quote(UploadScript.stagedPath(dir, 0));
        String script = "(\n" + command.line() + "\n) < " + file + "; rc=$?; rm -rf -- " + Command.quote(dir)
                + "; exit $rc";
        return run(new Command(script, true, null, command.timeout(), command.display()), listener);
    }

    @Override
    public void upload(List<Upload> uploads) {
        requireOpen();
        if (uploads.isEmpty()) {
            return;
        }
        String dir = staging.stage(session, uploads, stats);
        stats.roundTrip();
        CommandResult result;
        try {
            result = run(UploadScript.finish(dir, uploads));
        } catch (RuntimeException e) {
            removeQuietly(dir);
            throw e;
        }
        if (!result.ok()) {
            throw new TransportException(endpoint.name(), masker.mask("could not move uploaded files into place ("
                    + uploads.stream().map(Upload::remotePath).collect(Collectors.joining(", ")) + "): exit "
                    + result.exitCode() + ": " + result.tail(10)));
        }
        uploads.forEach(u -> stats.fileWritten());
    }

    private void removeQuietly(String dir) {
        try {
            run(Command.of("rm", "-rf", "--", dir));
        } catch (RuntimeException ignored) {
            // the staging directory is private (0700) and lives in /tmp
        }
    }

    @Override
    public byte[] read(String remotePath, boolean asRoot) {
        Command cat = Command.of("cat", "--", remotePath);
        CommandResult result = run(asRoot ? cat.asRoot() : cat);
        if (!result.ok()) {
            throw new TransportException(endpoint.name(), masker.mask("cannot read " + remotePath + ": "
                    + result.tail(5)));
        }
        return result.stdoutBytes();
    }

    @Override
    public TransportStats stats() {
        return stats;
    }

    private void requireOpen() {
        if (closed) {
            throw new TransportException(endpoint.name(), "connection is closed");
        }
        if (!session.isConnected()) {
            throw new TransportException(endpoint.name(), "SSH session to " + endpoint.address() + ":"
                    + endpoint.port() + " was lost");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Session> reversed = new ArrayList<>(sessions);
        Collections.reverse(reversed);
        reversed.forEach(Session::disconnect);
    }

    @Override
    public String toString() {
        return "jsch:" + endpoint;
    }
}
