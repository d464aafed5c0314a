package dev.provisioner.operation;

import dev.provisioner.connect.ConnectionFactory;
import dev.provisioner.connect.Transports;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.TransportKind;

import java.util.Optional;

/**
 * What every operation on one inventory shares: the inventory, how connections are opened (the
 * inventory's SSH settings, a transport forced for every host, or an embedder's own factory), how
 * many hosts at once, and who hears about it. {@link #start} begins one operation.
 *
 * @param inventory   the validated inventory
 * @param transport   SSH library for every host, whatever the inventory says (empty: the inventory's)
 * @param connections opens connections some other way (tests, embedders; empty: SSH)
 * @param parallelism hosts at once (0: the inventory's {@code cluster.ssh.parallelism})
 * @param listener    hears every operation's start, host results and end
 * @param acceptAnyHostKey accept any SSH host key: only from an explicit command-line flag or embedder
 *                    option, never from an inventory, and refused with password or sudo-password hosts
 */
public record OperationSettings(Inventory inventory, Optional<TransportKind> transport,
                                Optional<ConnectionFactory> connections, int parallelism, OperationListener listener,
                                boolean acceptAnyHostKey) {
    public OperationSettings {
        if (inventory == null) {
            throw new IllegalArgumentException("inventory: required");
        }
        if (parallelism < 0) {
            throw new IllegalArgumentException("parallelism: must be at least 1, got " + parallelism);
        }
        parallelism = parallelism > 0 ? parallelism : inventory.cluster().ssh().parallelism();
    }

    /** SSH with the inventory's settings, its parallelism, nobody listening. */
    public static OperationSettings of(Inventory inventory) {
        return new OperationSettings(inventory, Optional.empty(), Optional.empty(), 0, OperationListener.NONE, false);
    }

    public OperationSettings withConnections(ConnectionFactory factory) {
        return new OperationSettings(inventory, transport, Optional.of(factory), parallelism, listener, acceptAnyHostKey);
    }

    public OperationSettings withParallelism(int hosts) {
        return new OperationSettings(inventory, transport, connections, hosts, listener, acceptAnyHostKey);
    }

    public OperationSettings withTransport(Optional<TransportKind> kind) {
        return new OperationSettings(inventory, kind, connections, parallelism, listener, acceptAnyHostKey);
    }

    public OperationSettings withListener(OperationListener value) {
        return new OperationSettings(inventory, transport, connections, parallelism, value, acceptAnyHostKey);
    }

    public OperationSettings withAcceptAnyHostKey(boolean value) {
        return new OperationSettings(inventory, transport, connections, parallelism, listener, value);
    }

    /**
     * Starts warming the SSH transport's cryptography on a daemon thread when connections are SSH (no network, no
     * file: {@link Transports#warmUpInBackground}), so that what the caller does before its first connection (the
     * CIS gate's rendering) overlaps with it. The cluster's transport is warmed, or the one forced for every host.
     */
    public void warmUpTransport() {
        if (connections.isEmpty()) {
            Transports.warmUpInBackground(transport.orElseGet(
                    () -> TransportKind.valueOf(inventory.cluster().ssh().transport().name())));
        }
    }

    /**
     * Begins one operation.
     *
     * @param name         what it is ("reset", "etcd restore"), in events and thread names
     * @param changesHosts whether it changes hosts: then every host it connects to is under the run lock
     */
    public Operation start(String name, boolean changesHosts) {
        return new Operation(this, name, changesHosts);
    }
}
