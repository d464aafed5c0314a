package dev.provisioner.plan;

import dev.provisioner.component.kube.NodePhase;
import dev.provisioner.component.kube.KubeSources;
import dev.provisioner.component.kube.ControlPlanePhase;
import dev.provisioner.component.ComponentContext;
import dev.provisioner.component.addons.AddonsPhase;
import dev.provisioner.component.flannel.FlannelPhase;
import dev.provisioner.step.Plan;

/**
 * Adds the Kubernetes phases after everything the standard plan already has (hosts, PKI, registry,
 * etcd, network config, runtime): {@code flannel}, {@code control-plane}, {@code kube-node},
 * {@code addons}. The release files of all of them are resolved together at the first step that
 * needs one, so a run without them stops at {@code flannel} with one message naming every missing file.
 */
final class KubePhases {
    private KubePhases() {
    }

    /** {@code plan} with the Kubernetes phases appended. */
    public static Plan appendTo(Plan plan, ComponentContext context) {
        return appendTo(plan, KubeSources.from(context));
    }

    /** {@code plan} with the Kubernetes phases appended, using {@code sources}. */
    public static Plan appendTo(Plan plan, KubeSources sources) {
        return plan.append(FlannelPhase.create(sources))
                .append(ControlPlanePhase.create(sources))
                .append(NodePhase.create(sources))
                .append(AddonsPhase.create());
    }
}
