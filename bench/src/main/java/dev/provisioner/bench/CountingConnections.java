package dev.provisioner.bench;

import dev.provisioner.connect.ConnectionFactory;
import dev.provisioner.connect.SshConnections;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.SecretMasker;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's default SSH connection factory, counting how many connections a run opens (the
 * engine's counters report round trips and bytes, not connections), timing each connect and,
 * through {@link TimedConnection}, what went over each connection. One per run, like the default.
 */
final class CountingConnections implements ConnectionFactory {
    private final SshConnections delegate;
    private final AtomicInteger opened = new AtomicInteger();
    private final List<Double> connectSeconds = new CopyOnWriteArrayList<>();
    private final List<TimedConnection> connections = new CopyOnWriteArrayList<>();

    CountingConnections(Inventory inventory) {
        this.delegate = new SshConnections(inventory, Optional.empty(), new SecretMasker());
    }

    @Override
    public Connection open(Host host, Endpoint endpoint) {
        opened.incrementAndGet();
        long t0 = System.nanoTime();
        TimedConnection c = new TimedConnection(delegate.open(host, endpoint));
        connectSeconds.add((System.nanoTime() - t0) / 1e9);
        connections.add(c);
        return c;
    }

    /** Per connection: seconds of its facts round trip. */
    List<Double> factsSeconds() {
        return connections.stream().map(TimedConnection::factsSeconds).toList();
    }

    /** Per connection: seconds of everything after the facts (uploads, scripts). */
    List<Double> applySeconds() {
        return connections.stream().map(TimedConnection::applySeconds).toList();
    }

    /** Seconds each connection took to open (TCP, key exchange, authentication). */
    List<Double> connectSeconds() {
        return List.copyOf(connectSeconds);
    }

    int opened() {
        return opened.get();
    }
}
