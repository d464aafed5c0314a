package dev.provisioner.connect;

import dev.provisioner.inventory.Host;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.Endpoint;

/**
 * Opens the connection a run uses for a host. The default connects over SSH with the transport the
 * inventory (or the builder) chose; embedders and tests may supply their own.
 */
@FunctionalInterface
public interface ConnectionFactory {
    /**
     * @param host     the inventory host
     * @param endpoint the host mapped to an SSH endpoint (auth, sudo, bastion)
     */
    Connection open(Host host, Endpoint endpoint);
}
