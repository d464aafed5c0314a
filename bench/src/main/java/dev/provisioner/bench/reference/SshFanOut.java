package dev.provisioner.bench.reference;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command on many hosts at once through the OpenSSH client, one fresh connection per
 * host (no configuration file, no connection sharing, the lab's key and pinned host keys with
 * strict checking), like the provisioner runs its hosts in parallel. Every client is started
 * before any is waited for.
 *
 * @param key        the private key
 * @param knownHosts the pinned host keys
 * @param user       the login user
 */
public record SshFanOut(Path key, Path knownHosts, String user) {
    /** Per host: its exit code and what it printed (stdout and stderr). */
    public record Result(String address, int exit, String output) {
    }

    /** The ssh command line for {@code address} running {@code remote}. */
    public List<String> command(String address, String remote) {
        return List.of("ssh", "-F", "/dev/null", "-i", key.toString(), "-o", "IdentitiesOnly=yes",
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "ControlMaster=no",
                "-o", "ControlPath=none", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=30",
                user + "@" + address, remote);
    }

    /**
     * Runs {@code remote} on every address; {@code stdin.get(i)} (null: nothing) is written to host
     * i's command and closed. Returns when every client has exited (at most {@code timeoutSeconds}).
     */
    public List<Result> run(List<String> addresses, String remote, List<byte[]> stdin, long timeoutSeconds) {
        List<Process> processes = new ArrayList<>();
        try {
            for (String address : addresses) {
                processes.add(new ProcessBuilder(command(address, remote)).redirectErrorStream(true).start());
            }
            for (int i = 0; i < processes.size(); i++) {
                try (OutputStream in = processes.get(i).getOutputStream()) {
                    if (stdin.get(i) != null) {
                        in.write(stdin.get(i));
                    }
                } catch (IOException e) {
                    // the client exited early; its output says why
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("ssh " + addresses.get(i) + " " + remote + ": no exit within "
                            + timeoutSeconds + " s");
                }
                results.add(new Result(addresses.get(i), p.exitValue(), out));
            }
            return results;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ssh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ssh", e);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }
}
