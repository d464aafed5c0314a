package dev.provisioner.transport.jsch;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.CommandTimeoutException;
import dev.provisioner.transport.OutputListener;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.TransportException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs one already-prepared command line on an exec channel: stdin is sent and closed, stdout and
 * stderr are captured apart, the exit status is returned as data, and a timeout abandons the
 * channel (closed without waiting for the server). Abandoning does not stop the remote process:
 * the caller runs the command through {@link dev.provisioner.transport.TimedCommand} and kills it.
 */
final class CommandExec {
    private static final long POLL_MILLIS = 20;

    private final String host;
    private final SecretMasker masker;
    private final int openTimeoutMillis;

    CommandExec(String host, SecretMasker masker, Duration openTimeout) {
        this.host = host;
        this.masker = masker;
        this.openTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, openTimeout.toMillis()));
    }

    CommandResult run(Session session, String line, byte[] stdin, Command command, OutputListener listener) {
        long started = System.nanoTime();
        LineSink out = new LineSink(OutputListener.Stream.STDOUT, listener, masker);
        LineSink err = new LineSink(OutputListener.Stream.STDERR, listener, masker);
        ChannelExec channel = null;
        try {
            channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(line.getBytes(StandardCharsets.UTF_8));
            channel.setOutputStream(out);
            channel.setErrStream(err);
            // Stdin goes through the channel's own stream, not setInputStream: with an input stream JSch starts a pump
            // thread inside connect() and races the server's close of a command that ends at once (it clears the
            // thread it is still setting up: NullPointerException in ChannelExec.start, seen in CI).
            OutputStream toRemote = channel.getOutputStream();
            channel.connect(openTimeoutMillis);
            feed(toRemote, stdin);
            awaitClose(channel, err, command, started);
            int exit = channel.getExitStatus();
            return new CommandResult(host, masker.mask(command.display()), exit, OutputMask.mask(masker, out.bytes()),
                    OutputMask.mask(masker, err.bytes()),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (JSchException | IOException e) {
            throw new TransportException(host, masker.mask("cannot run '" + command.display() + "': " + e.getMessage()), e);
        } finally {
            if (channel != null) {
                channel.disconnect();
            }
        }
    }

    /**
     * Sends {@code stdin} and then EOF, so the remote side never waits for more: at once when there is nothing to
     * send, else from a daemon thread, so a command that does not read its input cannot hold up the timeout. A command
     * that exits before reading all of it closes the channel; what was not sent then is dropped, as with a pipe.
     */
    private void feed(OutputStream toRemote, byte[] stdin) {
        if (stdin.length == 0) {
            closeQuietly(toRemote);
            return;
        }
        Thread pump = new Thread(() -> {
            try {
                toRemote.write(stdin);
                toRemote.flush();
            } catch (IOException closedEarly) {
                // the command ended without reading it all
            } finally {
                closeQuietly(toRemote);
            }
        }, "provisioner-jsch-stdin-" + host);
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(OutputStream toRemote) {
        try {
            toRemote.close();
        } catch (IOException closedEarly) {
            // the channel is closed already: nothing left to end
        }
    }

    private void awaitClose(ChannelExec channel, LineSink err, Command command, long started) {
        long deadline = command.timeout() == null ? Long.MAX_VALUE : started + command.timeout().toNanos();
        try {
            while (!channel.isClosed()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    abandon(channel);
                    throw new CommandTimeoutException(host, masker.mask("'" + command.display() + "' did not finish within "
                            + command.timeout().toMillis() + " ms; its channel was closed and its processes killed"));
                }
                // The stderr sink is closed when the channel closes, which wakes us at once.
                err.closed().await(Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left) + 1), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(channel);
            throw new TransportException(host, masker.mask("interrupted while running '" + command.display() + "'"), e);
        }
    }

    /**
     * Sends the channel close and forgets the channel at once: JSch's {@code disconnect} does not
     * wait for the server's confirmation (OpenSSH confirms only once the process has exited). No
     * signal is sent: OpenSSH refuses channel signals for root logins; the caller kills instead.
     */
    private static void abandon(ChannelExec channel) {
        channel.disconnect();
    }
}
