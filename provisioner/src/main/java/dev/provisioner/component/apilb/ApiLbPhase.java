package dev.provisioner.component.apilb;

import dev.provisioner.component.kube.KubeCluster;
import dev.provisioner.component.kube.KubeSources;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;

import java.util.Optional;

/**
 * The {@value #TITLE} phase on every node that is not a master, present only when the cluster has several
 * masters and no {@code cluster.apiEndpoint} ({@link KubeCluster#usesLocalProxy}). It needs only OS
 * packages and the PKI, so it runs before the phases that need Kubernetes release files.
 */
public final class ApiLbPhase {
    public static final String TITLE = "api-lb";

    private ApiLbPhase() {
    }

    /** The phase, or empty when {@code inventory} does not use a node-local load balancer. */
    public static Optional<Phase> create(Inventory inventory, KubeSources sources) {
        if (!KubeCluster.usesLocalProxy(inventory)) {
            return Optional.empty();
        }
        return Optional.of(Phase.of(TITLE, HostSelector.roles(Role.NODE).excluding(Role.MASTER),
                new ApiLbPackageStep(), new ApiLbServiceStep(sources)));
    }
}
