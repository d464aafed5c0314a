package dev.provisioner.component.firewall;

import java.util.Objects;

/**
 * One port or port range a host serves.
 *
 * @param from     first port
 * @param to       last port (same as {@code from} for one port)
 * @param protocol tcp or udp
 * @param why      what listens there, for the plan's reason
 */
record FirewallPort(int from, int to, String protocol, String why) {
    FirewallPort {
        Objects.requireNonNull(protocol, "protocol");
        if (from < 1 || to > 65535 || to < from || !(protocol.equals("tcp") || protocol.equals("udp"))) {
            throw new IllegalArgumentException("bad port " + from + "-" + to + "/" + protocol);
        }
    }

    static FirewallPort tcp(int port, String why) {
        return new FirewallPort(port, port, "tcp", why);
    }

    /** As ufw writes it: {@code 6443/tcp}, {@code 30000:32767/tcp}. */
    String ufw() {
        return (from == to ? Integer.toString(from) : from + ":" + to) + "/" + protocol;
    }

    /** As firewalld writes it: {@code 6443/tcp}, {@code 30000-32767/tcp}. */
    String firewalld() {
        return (from == to ? Integer.toString(from) : from + "-" + to) + "/" + protocol;
    }
}
