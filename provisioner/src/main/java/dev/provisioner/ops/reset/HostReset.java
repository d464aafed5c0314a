package dev.provisioner.ops.reset;

import dev.provisioner.engine.HostLock;
import dev.provisioner.inventory.Host;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.SecretMasker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Takes away from hosts what our applies installed ({@link ResetScript}), hosts in parallel up to a limit,
 * one connection and one script per host, under the host's run lock ({@link HostLock}). The public entry is {@code Provisioner.reset()}.
 */
public final class HostReset {
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final String PREFIX = "reset: ";
    private final Function<Host, Connection> connections;
    private final SecretMasker masker;
    private final int parallelism;

    /**
     * @param connections opens the connection for a host (closed here)
     * @param masker      masks secrets in errors
     * @param parallelism hosts at once
     */
    public HostReset(Function<Host, Connection> connections, SecretMasker masker, int parallelism) {
        this.connections = connections;
        this.masker = masker;
        this.parallelism = Math.max(1, parallelism);
    }

    public ResetReport run(List<Host> hosts) {
        if (hosts.isEmpty()) {
            return new ResetReport(List.of());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, hosts.size()), r -> {
            Thread t = new Thread(r, "provisioner-reset");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<HostResetResult>> futures = new ArrayList<>();
            hosts.forEach(h -> futures.add(pool.submit(() -> one(h))));
            List<HostResetResult> out = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                out.add(await(futures.get(i), hosts.get(i).name()));
            }
            return new ResetReport(out);
        } finally {
            pool.shutdownNow();
        }
    }

    private HostResetResult one(Host h) {
        // The run lock first: a reset never runs while an apply changes the host.
        Command command = new Command(Command.shell(HostLock.acquire("reset") + ResetScript.build()).line(), true, null,
                TIMEOUT, "reset " + h.name());
        try (Connection c = connections.apply(h)) {
            CommandResult r = c.run(command);
            Optional<String> holder = HostLock.refusedBy(r);
            if (holder.isPresent()) {
                return new HostResetResult(h.name(), false, List.of(), masker.mask("another run holds the lock on this host: "
                        + holder.get() + "; nothing was reset (run reset again when it has ended)"), true);
            }
            List<String> removed = parse(r.stdout());
            if (!r.ok()) {
                return new HostResetResult(h.name(), false, removed, masker.mask("reset script exited " + r.exitCode() + ": " + r.tail(10)));
            }
            return new HostResetResult(h.name(), true, removed, "");
        } catch (RuntimeException e) {
            return new HostResetResult(h.name(), false, List.of(), masker.mask(String.valueOf(e.getMessage())));
        }
    }

    /** The "reset: ..." lines of the script's output, without the prefix. */
    static List<String> parse(String stdout) {
        return stdout.lines().filter(l -> l.startsWith(PREFIX)).map(l -> l.substring(PREFIX.length())).toList();
    }

    private static HostResetResult await(Future<HostResetResult> f, String host) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HostResetResult(host, false, List.of(), "interrupted");
        } catch (ExecutionException e) {
            return new HostResetResult(host, false, List.of(), String.valueOf(e.getCause().getMessage()));
        }
    }
}
