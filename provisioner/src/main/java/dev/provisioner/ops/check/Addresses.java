package dev.provisioner.ops.check;

import dev.provisioner.inventory.HostPorts;
import dev.provisioner.inventory.Host;

/** URL pieces for a host's cluster-facing address. */
final class Addresses {
    private Addresses() {
    }

    /** The internal address as a URL host: IPv6 in brackets. */
    static String urlHost(Host host) {
        String a = host.internalAddress();
        return HostPorts.host(a);
    }

    /** {@code address:port}, IPv6 in brackets. */
    static String hostPort(Host host, int port) {
        return urlHost(host) + ":" + port;
    }

    static String https(Host host, int port) {
        return "https://" + hostPort(host, port);
    }
}
