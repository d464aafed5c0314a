package dev.provisioner.ops.upgrade;

import dev.provisioner.component.etcd.EtcdPhase;
import dev.provisioner.component.flannel.FlannelPhase;
import dev.provisioner.component.kube.ControlPlanePhase;
import dev.provisioner.component.kube.NodePhase;
import dev.provisioner.component.runtime.ContainerRuntimePhase;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Plan;
import dev.provisioner.step.Rollout;

import java.util.List;
import java.util.Set;

/**
 * The plan of a rolling upgrade: the same phases, with the control plane ({@code etcd},
 * {@code control-plane}) one host at a time and the node phases ({@code container-runtime},
 * {@code flannel}, {@code kube-node}) in batches of {@code maxUnavailable}; every other phase as before.
 * The plan's order already upgrades the control plane before the kubelets. Pure.
 */
public final class RollingPlan {
    public static final Set<String> SERIAL = Set.of(EtcdPhase.TITLE, ControlPlanePhase.TITLE);
    public static final Set<String> BATCHED = Set.of(ContainerRuntimePhase.TITLE, FlannelPhase.TITLE, NodePhase.TITLE);

    private RollingPlan() {
    }

    /** {@code plan} with the rollouts of a rolling upgrade. */
    public static Plan of(Plan plan, int maxUnavailable) {
        Rollout batches = Rollout.batches(maxUnavailable);
        List<Phase> phases = plan.phases().stream().map(p -> SERIAL.contains(p.title()) ? p.withRollout(Rollout.SERIAL)
                : BATCHED.contains(p.title()) ? p.withRollout(batches) : p).toList();
        return Plan.of(phases);
    }
}
