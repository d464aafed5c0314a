package dev.provisioner.component.registry;

import dev.provisioner.inventory.Role;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;

import java.util.Optional;

/**
 * The {@value #TITLE} phase: docker-distribution from the OS packages on the registry host.
 * Pass {@link RegistryTls} once the PKI component has put a certificate on the host; without it the
 * registry serves plain HTTP.
 */
public final class RegistryPhase {
    public static final String TITLE = "registry";

    private RegistryPhase() {
    }

    public static Phase create(Optional<RegistryTls> tls) {
        return Phase.of(TITLE, HostSelector.roles(Role.REGISTRY),
                new RegistryPackageStep(), new RegistryConfigStep(tls), new RegistryServiceStep(tls));
    }
}
