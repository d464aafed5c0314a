package dev.provisioner.connect;

import dev.provisioner.transport.Transport;
import dev.provisioner.transport.TransportKind;
import dev.provisioner.transport.TransportOptions;
import dev.provisioner.transport.jsch.JschTransport;
import dev.provisioner.transport.sshj.SshjTransport;

/** Creates the transport of a given kind. */
public final class Transports {
    private Transports() {
    }

    public static Transport create(TransportKind kind, TransportOptions options) {
        return switch (kind) {
            case SSHJ -> new SshjTransport(options);
            case JSCH -> new JschTransport(options);
        };
    }
}
