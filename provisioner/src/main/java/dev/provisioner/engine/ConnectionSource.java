package dev.provisioner.engine;

import dev.provisioner.inventory.Host;
import dev.provisioner.transport.Connection;

/** Opens the one connection a run uses for a host. */
@FunctionalInterface
interface ConnectionSource {
    Connection open(Host host);
}
