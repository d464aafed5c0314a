package dev.provisioner.inventory;

/**
 * A load balancer in front of every master's API server that the user made (e.g. an Azure Load
 * Balancer): with it, every kubeconfig of a host that is not a master points here, and the address
 * goes into the API server certificate's SANs.
 *
 * @param address IP literal or DNS name
 * @param port    TCP port (default 6443)
 */
public record ApiEndpoint(String address, int port) {
    public static final int DEFAULT_PORT = 6443;

    /** {@code https://address:port}, an IPv6 literal in brackets. */
    public String url() {
        return "https://" + ClusterView.hostPort(address, port);
    }
}
