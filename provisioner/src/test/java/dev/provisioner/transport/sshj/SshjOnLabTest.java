package dev.provisioner.transport.sshj;

import dev.provisioner.transport.LabTransportContract;
import dev.provisioner.transport.Transport;
import dev.provisioner.transport.TransportOptions;

/** The sshj backend against real OpenSSH lab hosts. */
class SshjOnLabTest extends LabTransportContract {
    @Override
    protected Transport transport(TransportOptions options) {
        return new SshjTransport(options);
    }
}
