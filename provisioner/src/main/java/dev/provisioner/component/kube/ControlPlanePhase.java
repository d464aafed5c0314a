package dev.provisioner.component.kube;

import dev.provisioner.inventory.Role;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;

import java.util.Optional;

/**
 * The {@value #TITLE} phase on every master: kube-apiserver, kube-controller-manager and
 * kube-scheduler as systemd services from release binaries (plus kubectl), their configs
 * (admission, audit, encryption at rest) and kubeconfigs (admin everywhere, super-admin on the first
 * master only), then {@code /readyz}.
 */
public final class ControlPlanePhase {
    public static final String TITLE = "control-plane";

    private ControlPlanePhase() {
    }

    public static Phase create(KubeSources sources) {
        return Phase.of(TITLE, HostSelector.roles(Role.MASTER),
                new ReleaseBinariesStep("control-plane-binaries", sources.artifacts(), ctx -> InstallSet.controlPlane(ctx.inventory())),
                new ManagedFilesStep("control-plane-config", ctx -> new ControlPlaneFiles(ctx, sources).configs()),
                new ServicesStep("control-plane-services", ctx -> new ControlPlaneFiles(ctx, sources).services(),
                        ctx -> Optional.of(new ControlPlaneFiles(ctx, sources).readyz())));
    }
}
