package dev.provisioner.testsupport;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * An exec request of the embedded server: {@code /bin/sh -c <command>} in a working directory,
 * with stdin, stdout and stderr pumped between the channel and the process. When the channel goes
 * away first (client timeout, closed connection) the process and its children are killed.
 */
final class ShellCommand implements Command {
    private final String command;
    private final Path workDir;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Process process;

    ShellCommand(String command, Path workDir) {
        this.command = command;
        this.workDir = workDir;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command).directory(workDir.toFile());
        process = pb.start();
        CountDownLatch outputs = new CountDownLatch(2);
        daemon("stdin", () -> pumpStdin());
        daemon("stdout", () -> pump(process.getInputStream(), out, outputs));
        daemon("stderr", () -> pump(process.getErrorStream(), err, outputs));
        daemon("wait", () -> {
            try {
                int code = process.waitFor();
                outputs.await();
                exit.onExit(code);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void pumpStdin() {
        try (OutputStream stdin = process.getOutputStream()) {
            in.transferTo(stdin);
        } catch (IOException ignored) {
            // the process exited or the channel closed
        }
    }

    private static void pump(InputStream from, OutputStream to, CountDownLatch done) {
        try {
            byte[] buf = new byte[32 * 1024];
            int n;
            while ((n = from.read(buf)) >= 0) {
                to.write(buf, 0, n);
                to.flush();
            }
        } catch (IOException ignored) {
            // channel closed under us
        } finally {
            done.countDown();
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, "mina-shell-" + name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void destroy(ChannelSession channel) {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
