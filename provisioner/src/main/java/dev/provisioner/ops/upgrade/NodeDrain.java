package dev.provisioner.ops.upgrade;

import dev.provisioner.component.etcd.EtcdPhase;
import dev.provisioner.component.kube.ControlPlanePhase;
import dev.provisioner.engine.RolloutHooks;
import dev.provisioner.engine.RolloutHooks.HookResult;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Role;
import dev.provisioner.operation.Operation;
import dev.provisioner.ops.etcd.EtcdSnapshots;
import dev.provisioner.ops.etcd.SnapshotResult;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a rolling upgrade does around each batch: before the first control-plane change an etcd snapshot
 * to the state directory; before a Kubernetes node is touched, {@code kubectl drain} through the first
 * master; after it passed its phases and health check, {@code kubectl uncordon}. A failed drain or snapshot
 * stops the upgrade before the batch is touched; a failed host stays cordoned.
 */
public final class NodeDrain implements RolloutHooks {
    public static final String DRAIN = "drain";
    public static final String UNCORDON = "uncordon";
    public static final String SNAPSHOT = "etcd-snapshot";

    private final Operation op;
    private final boolean drain;
    private final Duration timeout;
    private final Optional<Path> snapshotDir;
    private final Path stateDirectory;
    private boolean snapshotTaken;

    /**
     * @param drain       drain and uncordon nodes (false: only the snapshot)
     * @param timeout     how long one drain may take
     * @param snapshotDir where the pre-upgrade etcd snapshot goes; empty: none
     */
    public NodeDrain(Operation op, boolean drain, Duration timeout, Optional<Path> snapshotDir, Path stateDirectory) {
        this.op = op;
        this.drain = drain;
        this.timeout = timeout;
        this.snapshotDir = snapshotDir;
        this.stateDirectory = stateDirectory;
    }

    @Override
    public List<HookResult> before(String host, List<String> phases) {
        List<HookResult> out = new ArrayList<>();
        if (!snapshotTaken && snapshotDir.isPresent() && !op.inventory().view().etcdMembers().isEmpty()
                && (phases.contains(EtcdPhase.TITLE) || phases.contains(ControlPlanePhase.TITLE))) {
            snapshotTaken = true;
            try {
                SnapshotResult r = EtcdSnapshots.of(op).save(snapshotDir.get(), stateDirectory);
                out.add(HookResult.done(SNAPSHOT, "etcd snapshot before the first control-plane change, from "
                        + r.takenOn() + ", saved to " + r.directory()));
            } catch (RuntimeException e) {
                out.add(HookResult.failed(SNAPSHOT, "etcd snapshot before the upgrade",
                        "no etcd snapshot could be taken, so the control plane was not touched: " + e.getMessage()));
                return out;
            }
        }
        if (kubeNode(host)) {
            out.add(kubectl(DRAIN, host, DrainScripts.drain(host, timeout), timeout.plusSeconds(60)));
        }
        return out;
    }

    @Override
    public List<HookResult> after(String host, List<String> phases) {
        return kubeNode(host) ? List.of(kubectl(UNCORDON, host, DrainScripts.uncordon(host),
                DrainScripts.UNCORDON_RETRY.plusSeconds(60))) : List.of();
    }

    private boolean kubeNode(String host) {
        return drain && op.inventory().host(host).map(h -> h.hasRole(Role.NODE)).orElse(false);
    }

    private HookResult kubectl(String step, String node, String script, Duration limit) {
        Host master = op.inventory().view().firstMaster();
        String action = "kubectl " + step + " " + node + " on " + master.name();
        try (Connection c = op.open(master)) {
            CommandResult r = c.run(new Command(Command.shell(script).line(), true, null, limit, action));
            Optional<String> skip = r.stdout().lines().filter(l -> l.startsWith("skip=")).map(l -> l.substring(5)).findFirst();
            if (r.ok() && skip.isPresent()) {
                return HookResult.skipped(step, "not " + (step.equals(DRAIN) ? "drained" : "uncordoned") + ": " + skip.get()
                        + " on " + master.name());
            }
            if (r.ok()) {
                return HookResult.done(step, (step.equals(DRAIN) ? "drained " : "uncordoned ") + node + " via " + master.name());
            }
            String why = r.tail(5).strip();
            return HookResult.failed(step, action, action + " failed (exit " + r.exitCode() + "): " + why
                    + (step.equals(DRAIN) ? "; the upgrade stopped before touching " + node : "; " + node + " stays cordoned"));
        } catch (RuntimeException e) {
            return HookResult.failed(step, action, action + " failed: " + e.getMessage());
        }
    }
}
