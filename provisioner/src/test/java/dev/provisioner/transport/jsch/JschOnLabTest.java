package dev.provisioner.transport.jsch;

import dev.provisioner.transport.LabTransportContract;
import dev.provisioner.transport.Transport;
import dev.provisioner.transport.TransportOptions;

/** The JSch backend against real OpenSSH lab hosts (started once for the class). */
class JschOnLabTest extends LabTransportContract {
    @Override
    protected Transport transport(TransportOptions options) {
        return new JschTransport(options);
    }
}
