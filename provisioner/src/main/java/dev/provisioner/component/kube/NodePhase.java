package dev.provisioner.component.kube;

import dev.provisioner.inventory.Role;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;

import java.util.Optional;

/**
 * The {@value #TITLE} phase on every master and node (masters register as Nodes with the control-plane
 * taint unless {@code cluster.masters.schedulable}): the kernel settings the kubelet protects, kubelet and
 * kube-proxy from release binaries with their KubeletConfiguration / KubeProxyConfiguration and
 * kubeconfigs ({@code system:node:<name>}, {@code system:kube-proxy}), as systemd services.
 */
public final class NodePhase {
    public static final String TITLE = "kube-node";

    private NodePhase() {
    }

    public static Phase create(KubeSources sources) {
        return Phase.of(TITLE, HostSelector.roles(Role.MASTER, Role.NODE),
                new ReleaseBinariesStep("kube-node-binaries", sources.artifacts(), ctx -> InstallSet.node(ctx.inventory())),
                new KernelSettingsStep(),
                new ManagedFilesStep("kube-node-config", ctx -> new NodeFiles(ctx, sources).configs(),
                        dev.provisioner.facts.HostResolver.QUERY),
                new ServicesStep("kube-node-services", ctx -> new NodeFiles(ctx, sources).services(),
                        ctx -> Optional.of(new ServicesStep.Probe("GET http://127.0.0.1:10248/healthz (kubelet) answers ok",
                                "curl -sf --max-time 5 http://127.0.0.1:10248/healthz >/dev/null", java.time.Duration.ofSeconds(60)))),
                new ControlPlaneNodeStep());
    }
}
