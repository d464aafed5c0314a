package dev.provisioner.component.runtime;

import dev.provisioner.inventory.Role;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;

/**
 * The {@value #TITLE} phase on the nodes (the hosts that run kubelet; a master runs it too when it
 * also has the node role): containerd, runc and the CNI plugins from the OS packages, config.toml
 * for the installed containerd, trust of the private registry through certs.d, and containerd
 * active and answering.
 */
public final class ContainerRuntimePhase {
    public static final String TITLE = "container-runtime";

    private ContainerRuntimePhase() {
    }

    public static Phase create() {
        return create(RuntimeOptions.defaults());
    }

    public static Phase create(RuntimeOptions options) {
        return Phase.of(TITLE, HostSelector.roles(Role.NODE),
                new RuntimePackagesStep(), new CniPluginLinksStep(), new ContainerdConfigStep(options),
                new RegistryTrustStep(options), new ContainerdServiceStep());
    }
}
