package dev.provisioner.transport;

import java.util.Objects;

/**
 * One SSH destination: where to connect, as whom, how to authenticate, how to become root, and an
 * optional jump host (bastion) to go through.
 *
 * @param name     the inventory name of the host, used in messages and known_hosts look-ups are by address
 * @param address  what SSH connects to (IP or DNS name)
 * @param port     SSH port
 * @param user     login user
 * @param auth     key or password
 * @param sudo     how privileged commands run
 * @param bastion  jump host, or null for a direct connection
 */
public record Endpoint(String name, String address, int port, String user, Auth auth, Sudo sudo, Endpoint bastion) {
    public Endpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(auth, "auth");
        sudo = sudo == null ? Sudo.none() : sudo;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The {@code [address]:port} form that OpenSSH uses in known_hosts for non-default ports. */
    public String knownHostsName() {
        return port == 22 ? address : "[" + address + "]:" + port;
    }

    public Endpoint withBastion(Endpoint jump) {
        return new Endpoint(name, address, port, user, auth, sudo, jump);
    }

    @Override
    public String toString() {
        return name + " (" + user + "@" + address + ":" + port + (bastion == null ? "" : " via " + bastion.name) + ")";
    }
}
