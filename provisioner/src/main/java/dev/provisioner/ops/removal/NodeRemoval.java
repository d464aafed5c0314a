package dev.provisioner.ops.removal;

import dev.provisioner.connect.ConnectionFactory;
import dev.provisioner.connect.Endpoints;
import dev.provisioner.connect.SshConnections;
import dev.provisioner.component.etcd.EtcdMembers;
import dev.provisioner.ops.etcd.EtcdMembership;
import dev.provisioner.ops.etcd.EtcdOperationException;
import dev.provisioner.ops.etcd.MemberRemoval;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.ops.reset.HostReset;
import dev.provisioner.ops.reset.HostResetResult;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.TransportException;
import dev.provisioner.transport.UnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takes one host out of a running cluster, in the order that keeps the cluster healthy: its Node
 * object drained and deleted through a master's API server, then (for an etcd member) its member
 * removed through the surviving members, then the host itself cleaned ({@link HostReset}). Works when
 * the host is already dead: nothing but the last stage contacts it, and an unreachable host is
 * reported as skipped there. A failed stage stops the later ones.
 *
 * <pre>{@code
 * RemovalReport r = NodeRemoval.of(inventory).remove("node02", false);  // the inventory still lists node02
 * // then delete node02 from the inventory and apply, so /etc/hosts on the others forgets it
 * }</pre>
 */
public final class NodeRemoval {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRemoval.class);
    static final String ETCD = "etcd";
    static final String HOST = "host";

    private final Inventory inventory;
    private final Optional<ConnectionFactory> connections;

    private NodeRemoval(Inventory inventory, Optional<ConnectionFactory> connections) {
        this.inventory = inventory;
        this.connections = connections;
    }

    /** Over SSH with the inventory's settings. */
    public static NodeRemoval of(Inventory inventory) {
        return new NodeRemoval(inventory, Optional.empty());
    }

    /** With connections opened some other way (tests, embedders). */
    public static NodeRemoval of(Inventory inventory, ConnectionFactory connections) {
        return new NodeRemoval(inventory, Optional.of(connections));
    }

    /**
     * Removes {@code name}.
     *
     * @param force remove the etcd member even when the remaining members would have no healthy quorum
     * @throws IllegalArgumentException when the inventory has no host of that name (nothing is contacted)
     */
    public RemovalReport remove(String name, boolean force) {
        Host target = inventory.hosts().stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the inventory has no host named '" + name
                        + "': remove-node works on the inventory that still lists the host"));
        SecretMasker masker = new SecretMasker();
        Endpoints.registerSecrets(inventory, masker);
        ConnectionFactory factory = connections.orElseGet(() -> new SshConnections(inventory, Optional.empty(), masker));
        List<RemovalStep> steps = new ArrayList<>();
        for (Stage stage : List.<Stage>of(() -> kubernetes(target, factory, masker), () -> etcd(target, factory, force, masker),
                () -> host(target, factory, masker))) {
            RemovalStep step = stage.run();
            LOG.info("remove {}: {} {}: {}", name, step.stage(), step.status(), step.detail());
            steps.add(step);
            if (step.status() == RemovalStep.Status.FAILED) {
                break;
            }
        }
        return new RemovalReport(name, steps);
    }

    private interface Stage {
        RemovalStep run();
    }

    private RemovalStep kubernetes(Host target, ConnectionFactory factory, SecretMasker masker) {
        List<Host> masters = inventory.view().masters().stream().filter(m -> !m.name().equals(target.name())).toList();
        if (masters.isEmpty()) {
            return RemovalStep.skipped(KubeNodeDeletion.KUBERNETES, "no other master to ask for the Node object");
        }
        List<String> tried = new ArrayList<>();
        Command command = Command.shell(KubeNodeDeletion.script(target.name())).asRoot()
                .withTimeout(Duration.ofSeconds(KubeNodeDeletion.DRAIN_TIMEOUT_SECONDS + 60L));
        for (Host master : masters) {
            try (Connection c = factory.open(master, Endpoints.of(master))) {
                CommandResult r = c.run(command);
                return KubeNodeDeletion.parse(target.name(), master.name(), r.exitCode(), r.stdout(), masker.mask(r.tail(3)));
            } catch (TransportException e) {
                tried.add(master.name() + ": " + masker.mask(String.valueOf(e.getMessage())));
            }
        }
        return RemovalStep.failed(KubeNodeDeletion.KUBERNETES, "no master answers, so the Node object was not deleted: "
                + String.join("; ", tried));
    }

    private RemovalStep etcd(Host target, ConnectionFactory factory, boolean force, SecretMasker masker) {
        if (!EtcdMembers.of(inventory).isMember(target)) {
            return RemovalStep.skipped(ETCD, target.name() + " is not an etcd member");
        }
        try {
            MemberRemoval r = EtcdMembership.of(inventory, factory).remove(target.name(), force);
            return RemovalStep.done(ETCD, r.message());
        } catch (EtcdOperationException e) {
            return RemovalStep.failed(ETCD, masker.mask(String.valueOf(e.getMessage())));
        }
    }

    private RemovalStep host(Host target, ConnectionFactory factory, SecretMasker masker) {
        AtomicBoolean unreachable = new AtomicBoolean();
        HostReset reset = new HostReset(h -> {
            try {
                return factory.open(h, Endpoints.of(h));
            } catch (UnreachableException e) {
                unreachable.set(true);
                throw e;
            }
        }, masker, 1);
        HostResetResult r = reset.run(List.of(target)).hosts().get(0);
        if (r.ok()) {
            return RemovalStep.done(HOST, "reset " + target.name() + ": " + r.removed().size() + " things removed");
        }
        if (unreachable.get()) {
            return RemovalStep.skipped(HOST, target.name() + " is unreachable (dead or gone), so nothing was cleaned there; "
                    + "if it comes back, run: provisioner reset --limit " + target.name());
        }
        return RemovalStep.failed(HOST, "reset of " + target.name() + " failed: " + r.error());
    }
}
