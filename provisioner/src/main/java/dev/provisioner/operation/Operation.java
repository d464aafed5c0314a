package dev.provisioner.operation;

import dev.provisioner.connect.ConnectionFactory;
import dev.provisioner.connect.Endpoints;
import dev.provisioner.connect.SshConnections;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.SecretMasker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One operation on the hosts of an inventory (apply, plan, check, run, reset, upgrade, remove-node,
 * etcd snapshot/restore/member-remove) and everything it shares: the inventory's secrets registered
 * once with one {@link SecretMasker}, one {@link ConnectionFactory}, one {@link HostFanOut} (bounded,
 * inventory order, one interrupt policy), the run lock for operations that change hosts, and the
 * {@link OperationListener} that hears its start, host results and end.
 *
 * <pre>{@code
 * Operation op = OperationSettings.of(inventory).start("reset", true);
 * List<String> uptimes = op.forEachHost(inventory.hosts(), h -> { try (Connection c = op.connect(h)) { ... } },
 *         h -> "not run");
 * }</pre>
 */
public final class Operation {
    private static final Logger LOG = LoggerFactory.getLogger(Operation.class);
    private final String name;
    private final Inventory inventory;
    private final SecretMasker masker = new SecretMasker();
    private final ConnectionFactory connections;
    private final HostFanOut fanOut;
    private final OperationListener listener;
    private final Optional<String> lockHolder;
    private final Object events = new Object();
    private final long start = System.nanoTime();

    Operation(OperationSettings settings, String name, boolean changesHosts) {
        this.name = name;
        this.inventory = settings.inventory();
        Endpoints.registerSecrets(inventory, masker);
        this.connections = settings.connections()
                .orElseGet(() -> new SshConnections(inventory, settings.transport(), masker, settings.acceptAnyHostKey()));
        this.fanOut = new HostFanOut(name.replace(' ', '-'), settings.parallelism());
        this.listener = settings.listener();
        this.lockHolder = changesHosts ? Optional.of(RunLock.holderFor(name)) : Optional.empty();
    }

    public String name() {
        return name;
    }

    public Inventory inventory() {
        return inventory;
    }

    /** Masks every secret of the inventory (and those the transports learn while connecting). */
    public SecretMasker masker() {
        return masker;
    }

    public int parallelism() {
        return fanOut.parallelism();
    }

    public HostFanOut fanOut() {
        return fanOut;
    }

    /** Whether the operation was interrupted (see {@link HostFanOut}). */
    public boolean interrupted() {
        return fanOut.interrupted();
    }

    /** Whether this operation changes hosts, so takes their run lock. */
    public boolean changesHosts() {
        return lockHolder.isPresent();
    }

    /** Opens a connection to {@code host}, without the lock (read-only work, or the lock comes with the first script). */
    public Connection open(Host host) {
        return connections.open(host, Endpoints.of(host));
    }

    /**
     * Opens a connection to {@code host}; for an operation that changes hosts, first takes the host's
     * run lock, held as long as the connection lives.
     *
     * @throws RunLockedException another run holds the lock (the connection is closed again)
     */
    public Connection connect(Host host) {
        Connection c = open(host);
        if (lockHolder.isEmpty()) {
            return c;
        }
        try {
            CommandResult r = c.run(new Command(Command.shell(lockScript()).line(), true, null, Duration.ofSeconds(60),
                    "take the run lock on " + host.name()));
            Optional<String> holder = RunLock.refusedBy(r);
            if (holder.isPresent()) {
                throw new RunLockedException(host.name(), holder.get());
            }
            if (!r.ok()) {
                throw new IllegalStateException(host.name() + ": cannot take the run lock (exit " + r.exitCode() + "): "
                        + masker.mask(r.tail(3)));
            }
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Shell lines that take the host's run lock for the connection's lifetime, to put before the first
     * script of an operation that changes hosts; a refusal is recognised by {@link #lockRefusal}.
     */
    public String lockScript() {
        return RunLock.acquire(lockHolder.orElseGet(() -> RunLock.holderFor(name)));
    }

    /** The holder of the lock when {@code result} is a refusal of {@link #lockScript()}. */
    public Optional<String> lockRefusal(CommandResult result) {
        return RunLock.refusedBy(result);
    }

    /** {@link HostFanOut#map} with this operation's bound; results in the order of {@code hosts}. */
    public <T, R> List<R> forEachHost(List<T> hosts, Function<? super T, ? extends R> task, Function<? super T, ? extends R> notRun) {
        return fanOut.map(hosts, task, notRun);
    }

    /** {@link HostFanOut#mapReadOnly}: for work that changes nothing, abandoned at once on an interrupt. */
    public <T, R> List<R> forEachHostReadOnly(List<T> hosts, Function<? super T, ? extends R> task,
                                              Function<? super T, ? extends R> notRun) {
        return fanOut.mapReadOnly(hosts, task, notRun);
    }

    /** Tells the listener the operation began. */
    public void started(String detail) {
        emit(() -> listener.started(name, masker.mask(detail)));
    }

    /** Tells the listener one host's result. */
    public void hostFinished(String host, boolean ok, String detail) {
        emit(() -> listener.hostFinished(name, host, ok, masker.mask(detail)));
    }

    /** Tells the listener the operation ended, with how long it took since it was started. */
    public void finished(boolean ok, String summary) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        emit(() -> listener.finished(name, ok, masker.mask(summary), took));
    }

    private void emit(Runnable call) {
        synchronized (events) {
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.warn("an operation listener failed: {}", e.toString());
            }
        }
    }
}
