package dev.provisioner.component.runtime;

import dev.provisioner.component.ComponentContext;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;

/**
 * The {@value #TITLE} phase on the hosts that run kubelet (masters and nodes): containerd, runc and the CNI plugins from the OS packages
 * ({@code cluster.install.containerd: packages}) or from their verified releases with our own unit
 * (binaries, artifacts), config.toml for the installed containerd, trust of the private registry
 * through certs.d, and containerd active and answering.
 */
public final class ContainerRuntimePhase {
    public static final String TITLE = "container-runtime";

    private ContainerRuntimePhase() {
    }

    /** The phase of {@code context}'s inventory, release files from its artifacts settings. */
    public static Phase create(ComponentContext context) {
        return create(RuntimeRelease.of(context), RuntimeOptions.defaults());
    }

    public static Phase create(ComponentContext context, RuntimeOptions options) {
        return create(RuntimeRelease.of(context), options);
    }

    /** With an explicit release source (tests, embedders with their own resolver). */
    public static Phase create(RuntimeRelease release, RuntimeOptions options) {
        return Phase.of(TITLE, HostSelector.roles(Role.MASTER, Role.NODE),
                new RuntimePackagesStep(), new RuntimeBinariesStep(release), new CniPluginLinksStep(),
                new ContainerdUnitStep(), new ContainerdConfigStep(options), new RegistryTrustStep(options),
                new RegistryMirrorStep(options),
                new ContainerdServiceStep());
    }
}
