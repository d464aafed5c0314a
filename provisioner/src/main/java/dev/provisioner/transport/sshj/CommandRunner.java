package dev.provisioner.transport.sshj;

import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.CommandTimeoutException;
import dev.provisioner.transport.OutputListener;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.SudoWrapper;
import dev.provisioner.transport.TransportException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one prepared command on its own session channel: stdin written and closed (EOF) on one
 * thread (closed at once on the caller's when there is none), stdout and stderr drained on two others, the caller waiting with the command's deadline.
 * On timeout the remote process is signalled and the channel closed.
 */
final class CommandRunner {
    private static final Map<Signal, Integer> SIGNALS = Map.ofEntries(Map.entry(Signal.HUP, 1), Map.entry(Signal.INT, 2),
            Map.entry(Signal.QUIT, 3), Map.entry(Signal.ILL, 4), Map.entry(Signal.ABRT, 6), Map.entry(Signal.FPE, 8),
            Map.entry(Signal.KILL, 9), Map.entry(Signal.USR1, 10), Map.entry(Signal.SEGV, 11), Map.entry(Signal.USR2, 12),
            Map.entry(Signal.PIPE, 13), Map.entry(Signal.ALRM, 14), Map.entry(Signal.TERM, 15));

    private final SSHClient client;
    private final ExecutorService pool;
    private final String host;
    private final SecretMasker masker;

    CommandRunner(SSHClient client, ExecutorService pool, String host, SecretMasker masker) {
        this.client = client;
        this.pool = pool;
        this.host = host;
        this.masker = masker;
    }

    /** Runs {@code prepared}; {@code display} is already masked; a null timeout waits for ever. */
    CommandResult run(SudoWrapper.Prepared prepared, String display, Duration timeout, OutputListener listener) {
        long start = System.nanoTime();
        long deadline = timeout == null ? Long.MAX_VALUE : start + timeout.toNanos();
        Session session = null;
        boolean abandoned = false;
        try {
            session = client.startSession();
            Session.Command cmd = session.exec(prepared.line());
            Future<byte[]> out = pool.submit(new StreamPump(cmd.getInputStream(), OutputListener.Stream.STDOUT, listener, masker));
            Future<byte[]> err = pool.submit(new StreamPump(cmd.getErrorStream(), OutputListener.Stream.STDERR, listener, masker));
            if (prepared.stdin().length > 0) {
                pool.submit(() -> writeStdin(cmd.getOutputStream(), prepared.stdin()));
            } else {
                // Most commands have no input: EOF at once, on this thread (one thread less per connection).
                writeStdin(cmd.getOutputStream(), prepared.stdin());
            }
            try {
                byte[] stdout = out.get(remaining(deadline), TimeUnit.NANOSECONDS);
                byte[] stderr = err.get(remaining(deadline), TimeUnit.NANOSECONDS);
                cmd.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining(deadline))), TimeUnit.MILLISECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                return new CommandResult(host, display, exitCode(cmd), stdout, stderr, took);
            } catch (TimeoutException | net.schmizz.sshj.connection.ConnectionException e) {
                if (!(e instanceof TimeoutException) && System.nanoTime() < deadline) {
                    throw (IOException) e;
                }
                abandoned = true;
                abandon(cmd);
                out.cancel(true);
                err.cancel(true);
                throw new CommandTimeoutException(host, masker.mask("'" + display + "' did not finish within "
                        + timeout.toMillis() + " ms; its channel was closed and its processes killed"));
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new TransportException(host, masker.mask("'" + display + "' failed while reading its output: "
                    + cause.getMessage()), cause);
        } catch (IOException e) {
            throw new TransportException(host, masker.mask("'" + display + "' failed: " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(host, masker.mask("interrupted while running '" + display + "'"), e);
        } finally {
            if (session != null && !abandoned) {
                closeQuietly(session);
            }
        }
    }

    private static void closeQuietly(Session session) {
        try {
            session.close();
        } catch (IOException | RuntimeException ignored) {
            // the command's outcome is already known
        }
    }

    private static long remaining(long deadline) {
        if (deadline == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, deadline - System.nanoTime());
    }

    private static Void writeStdin(OutputStream stdin, byte[] data) {
        try (stdin) {
            if (data.length > 0) {
                stdin.write(data);
                stdin.flush();
            }
        } catch (IOException e) {
            // The command exited without reading all its input; its exit code tells the story.
        }
        return null;
    }

    /**
     * Closes the channel without waiting for the server's confirmation: OpenSSH confirms only once
     * the process has exited, which the caller then arranges.
     */
    private void abandon(Session.Command cmd) {
        pool.submit(() -> {
            try {
                cmd.close();
            } catch (IOException | RuntimeException ignored) {
                // already gone
            }
        });
    }

    private static int exitCode(Session.Command cmd) {
        Integer status = cmd.getExitStatus();
        if (status != null) {
            return status;
        }
        Signal signal = cmd.getExitSignal();
        return signal == null ? -1 : 128 + SIGNALS.getOrDefault(signal, 0);
    }
}
