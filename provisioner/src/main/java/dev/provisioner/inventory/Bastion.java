package dev.provisioner.inventory;

/**
 * A jump host SSH goes through to reach a host.
 *
 * @param address IP or DNS name of the bastion
 * @param port    SSH port of the bastion (default 22)
 * @param user    login user on the bastion (default: the host's user)
 * @param auth    authentication on the bastion (default: the host's auth)
 */
public record Bastion(String address, int port, String user, HostAuth auth) {}
