package dev.provisioner.transport.sshj;

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
import dev.provisioner.transport.TransportStats;
import dev.provisioner.transport.Upload;
import dev.provisioner.transport.UploadScript;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.SFTPClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Connection} over one authenticated {@link SSHClient}, reused for every command and
 * upload; the clients of the bastion hops it went through are closed with it.
 */
final class SshjConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(SshjConnection.class);
    private final Endpoint endpoint;
    private final SSHClient client;
    private final List<SSHClient> hops;
    private final String fingerprint;
    private final SecretMasker masker;
    private final TransportStats stats = new TransportStats();
    private final ExecutorService pool;
    private final CommandRunner runner;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** {@code hops} lists every client of the chain, bastions first and {@code client} last. */
    SshjConnection(Endpoint endpoint, SSHClient client, List<SSHClient> hops, String fingerprint, SecretMasker masker) {
        this.endpoint = endpoint;
        this.client = client;
        this.hops = List.copyOf(hops);
        this.fingerprint = fingerprint;
        this.masker = masker;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "provisioner-sshj-" + endpoint.name() + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.runner = new CommandRunner(client, pool, endpoint.name(), masker);
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
        return masked(execute(command, listener));
    }

    private CommandResult execute(Command command, OutputListener listener) {
        ensureOpen();
        if (command.stdin().length > 0 && command.root() && !"root".equals(endpoint.user())
                && endpoint.sudo() instanceof Sudo.WithPassword) {
            return executeWithStagedStdin(command, listener);
        }
        SudoWrapper.Prepared prepared = SudoWrapper.prepare(command, endpoint);
        stats.roundTrip();
        stats.sent(command.stdin().length);
        if (command.timeout() == null) {
            return SudoWrapper.check(runner.run(prepared, masker.mask(command.display()), null, listener), command, endpoint);
        }
        TimedCommand timed = new TimedCommand(prepared);
        try {
            CommandResult result = runner.run(timed.prepared(), masker.mask(command.display()), command.timeout(), listener);
            return SudoWrapper.check(result, command, endpoint);
        } catch (CommandTimeoutException e) {
            killQuietly(timed, command.root());
            throw e;
        }
    }

    /** Kills what a timed-out command left running, as the identity that started it. */
    private void killQuietly(TimedCommand timed, boolean root) {
        try {
            Command kill = Command.shell(timed.killScript()).withTimeout(java.time.Duration.ofSeconds(30));
            execute(root ? kill.asRoot() : kill, OutputListener.NONE);
        } catch (RuntimeException e) {
            LOG.debug("{}: could not kill a timed-out command: {}", endpoint.name(), masker.mask(e.getMessage()));
        }
    }

    /**
     * Under a sudo password, stdin carries the password; the command's own input is staged as a
     * private file and redirected instead, then removed.
     */
    private CommandResult executeWithStagedStdin(Command command, OutputListener listener) {
        String staged = "/tmp/.provisioner-stdin-" + UUID.randomUUID();
        stats.roundTrip();
        try (SFTPClient sftp = client.newSFTPClient()) {
            SftpWriter writer = new SftpWriter(sftp, stats);
            writer.writePrivate(staged, new ByteArrayInputStream(command.stdin()));
            try {
                // Newlines, not spaces, around the line: a trailing comment in it cannot swallow the ')'.
                String line = "(\n" + command.line() + "\n) < " + Command.quote(staged);
                return execute(new Command(line, true, null, command.timeout(), command.display()), listener);
            } finally {
                writer.removeQuietly(staged);
            }
        } catch (IOException e) {
            throw fail("could not stage stdin for '" + command.display() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void upload(List<Upload> uploads) {
        ensureOpen();
        if (uploads.isEmpty()) {
            return;
        }
        List<String> paths = uploads.stream().map(Upload::remotePath).toList();
        String staging = UploadScript.stagingDir();
        stats.roundTrip();
        try (SFTPClient sftp = client.newSFTPClient()) {
            SftpWriter writer = new SftpWriter(sftp, stats);
            writer.mkdirPrivate(staging);
            for (int i = 0; i < uploads.size(); i++) {
                try (InputStream in = uploads.get(i).open()) {
                    writer.writePrivate(UploadScript.stagedPath(staging, i), in);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw fail("upload of " + paths + " failed while staging (destination files untouched): " + e.getMessage(), e);
        }
        Command finish = UploadScript.finish(staging, uploads);
        // A non-root user without any sudo mode installs as itself (into places it may write).
        boolean asRoot = !(endpoint.sudo() instanceof Sudo.None) || "root".equals(endpoint.user());
        CommandResult result = execute(new Command(finish.line(), asRoot, null, null, "install " + paths), OutputListener.NONE);
        if (!result.ok()) {
            throw fail("could not move " + paths + " into place (exit " + result.exitCode() + "): " + result.tail(10), null);
        }
        uploads.forEach(u -> stats.fileWritten());
    }

    /** The file's exact bytes: read() returns data the caller asked for, so it is not masked. */
    @Override
    public byte[] read(String remotePath, boolean asRoot) {
        Command cat = Command.of("cat", "--", remotePath);
        CommandResult result = execute(asRoot ? cat.asRoot() : cat, OutputListener.NONE);
        if (!result.ok()) {
            String why = result.stderr().contains("No such file") ? "no such file" : result.tail(5);
            throw fail("cannot read " + remotePath + ": " + why, null);
        }
        return result.stdoutBytes();
    }

    @Override
    public TransportStats stats() {
        return stats;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        pool.shutdownNow();
        List<SSHClient> reversed = new ArrayList<>(hops);
        java.util.Collections.reverse(reversed);
        for (SSHClient c : reversed) {
            SshjTransport.closeQuietly(c);
        }
    }

    private CommandResult masked(CommandResult r) {
        if (masker.isEmpty()) {
            return r;
        }
        return new CommandResult(r.host(), masker.mask(r.command()), r.exitCode(), masker.mask(r.stdoutBytes()),
                masker.mask(r.stderrBytes()), r.duration());
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new TransportException(endpoint.name(), "connection is closed");
        }
        if (!client.isConnected()) {
            throw new TransportException(endpoint.name(), "connection to " + endpoint.address() + " was lost");
        }
    }

    private TransportException fail(String message, Throwable cause) {
        return new TransportException(endpoint.name(), masker.mask(message), cause);
    }
}
