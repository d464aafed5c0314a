package dev.provisioner.component.registry;

import dev.provisioner.inventory.Role;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@value #TITLE} phase: docker-distribution from the OS packages on the registry host, as a
 * read-only pull endpoint without credentials and a push endpoint that requires a password
 * ({@link RegistryFiles}).
 * Pass {@link RegistryTls} once the PKI component has put a certificate on the host; without it the
 * registry serves plain HTTP.
 */
public final class RegistryPhase {
    public static final String TITLE = "registry";

    private RegistryPhase() {
    }

    /**
     * @param push who may push (see {@link RegistryPush#of}); pulls need no credentials
     */
    public static Phase create(Optional<RegistryTls> tls, RegistryPush push) {
        return create(tls, push, Optional.empty());
    }

    /**
     * As {@link #create(Optional, RegistryPush)}, keeping the push user's htpasswd line (a bcrypt hash, slow on
     * purpose) in {@code stateDirectory} so that later runs do not compute it again.
     */
    public static Phase create(Optional<RegistryTls> tls, RegistryPush push, Optional<Path> stateDirectory) {
        return Phase.of(TITLE, HostSelector.roles(Role.REGISTRY),
                new RegistryPackageStep(), new RegistryConfigStep(tls, push, stateDirectory), new RegistryServiceStep(tls, push));
    }
}
