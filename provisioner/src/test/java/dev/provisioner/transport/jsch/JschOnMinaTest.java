package dev.provisioner.transport.jsch;

import dev.provisioner.transport.MinaTransportContract;
import dev.provisioner.transport.Transport;
import dev.provisioner.transport.TransportOptions;

/** The JSch backend against the embedded MINA server. */
class JschOnMinaTest extends MinaTransportContract {
    @Override
    protected Transport transport(TransportOptions options) {
        return new JschTransport(options);
    }
}
