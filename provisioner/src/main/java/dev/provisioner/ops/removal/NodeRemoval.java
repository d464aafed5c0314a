package dev.provisioner.ops.removal;

import dev.provisioner.component.etcd.EtcdMembers;
import dev.provisioner.ops.etcd.EtcdMembership;
import dev.provisioner.ops.etcd.EtcdOperationException;
import dev.provisioner.ops.etcd.MemberRemoval;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.operation.Operation;
import dev.provisioner.operation.RunLockedException;
import dev.provisioner.ops.reset.HostReset;
import dev.provisioner.ops.reset.HostResetResult;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes one host out of a running cluster, in the order that keeps the cluster healthy: its Node
 * object drained and deleted through a master's API server, then (for an etcd member) its member
 * removed through the surviving members, then the host itself cleaned ({@link HostReset}). Works when
 * the host is already dead: nothing but the last stage contacts it, and an unreachable host is
 * reported as skipped there. A failed stage stops the later ones.
 *
 * <pre>{@code
 * RemovalReport r = NodeRemoval.of(OperationSettings.of(inventory).start("remove-node", true)).remove("node02", false);  // the inventory still lists node02
 * // then delete node02 from the inventory and apply, so /etc/hosts on the others forgets it
 * }</pre>
 */
public final class NodeRemoval {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRemoval.class);
    static final String ETCD = "etcd";
    static final String HOST = "host";

    private final Inventory inventory;
    private final Operation op;

    private NodeRemoval(Operation op) {
        this.inventory = op.inventory();
        this.op = op;
    }

    /**
     * Within {@code op}, an operation that changes hosts: every host it connects to (the master asked,
     * the etcd members asked, the host removed) is under its run lock.
     */
    public static NodeRemoval of(Operation op) {
        return new NodeRemoval(op);
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
        SecretMasker masker = op.masker();
        List<RemovalStep> steps = new ArrayList<>();
        for (Stage stage : List.<Stage>of(() -> kubernetes(target, masker), () -> etcd(target, force, masker),
                () -> host(target))) {
            RemovalStep step = stage.run();
            LOG.info("remove {}: {} {}: {}", name, step.stage(), step.status(), step.detail());
            op.hostFinished(name, step.status() != RemovalStep.Status.FAILED, step.stage() + " " + step.status() + ": " + step.detail());
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

    private RemovalStep kubernetes(Host target, SecretMasker masker) {
        List<Host> masters = inventory.view().masters().stream().filter(m -> !m.name().equals(target.name())).toList();
        if (masters.isEmpty()) {
            return RemovalStep.skipped(KubeNodeDeletion.KUBERNETES, "no other master to ask for the Node object");
        }
        List<String> tried = new ArrayList<>();
        Command command = Command.shell(KubeNodeDeletion.script(target.name())).asRoot()
                .withTimeout(Duration.ofSeconds(KubeNodeDeletion.DRAIN_TIMEOUT_SECONDS + 60L));
        for (Host master : masters) {
            try (Connection c = op.connect(master)) {
                CommandResult r = c.run(command);
                return KubeNodeDeletion.parse(target.name(), master.name(), r.exitCode(), r.stdout(), masker.mask(r.tail(3)));
            } catch (TransportException | RunLockedException e) {
                tried.add(master.name() + ": " + masker.mask(String.valueOf(e.getMessage())));
            }
        }
        return RemovalStep.failed(KubeNodeDeletion.KUBERNETES, "no master answers, so the Node object was not deleted: "
                + String.join("; ", tried));
    }

    private RemovalStep etcd(Host target, boolean force, SecretMasker masker) {
        if (!EtcdMembers.of(inventory).isMember(target)) {
            return RemovalStep.skipped(ETCD, target.name() + " is not an etcd member");
        }
        try {
            MemberRemoval r = EtcdMembership.of(op).remove(target.name(), force);
            return RemovalStep.done(ETCD, r.message());
        } catch (EtcdOperationException | RunLockedException e) {
            return RemovalStep.failed(ETCD, masker.mask(String.valueOf(e.getMessage())));
        }
    }

    private RemovalStep host(Host target) {
        HostResetResult r = new HostReset(op).run(List.of(target)).hosts().get(0);
        if (r.ok()) {
            return RemovalStep.done(HOST, "reset " + target.name() + ": " + r.removed().size() + " things removed");
        }
        if (r.unreachable()) {
            return RemovalStep.skipped(HOST, target.name() + " is unreachable (dead or gone), so nothing was cleaned there; "
                    + "if it comes back, run: provisioner reset --limit " + target.name());
        }
        return RemovalStep.failed(HOST, "reset of " + target.name() + " failed: " + r.error());
    }
}
