package dev.provisioner.transport.sshj;

import dev.provisioner.transport.MinaTransportContract;
import dev.provisioner.transport.Transport;
import dev.provisioner.transport.TransportOptions;

/** The sshj backend against the embedded MINA server. */
class SshjOnMinaTest extends MinaTransportContract {
    @Override
    protected Transport transport(TransportOptions options) {
        return new SshjTransport(options);
    }
}
