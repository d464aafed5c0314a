package dev.provisioner.transport;

/**
 * Opens connections. Two implementations ship: {@link TransportKind#SSHJ} (default) and
 * {@link TransportKind#JSCH}; the connect package's {@code Transports.create} chooses one.
 */
public interface Transport {

    /**
     * Connects (through the endpoint's bastion if it has one), checks the host key against the
     * options' policy before authenticating, and authenticates.
     *
     * @throws HostKeyException        unknown or changed host key
     * @throws AuthenticationException the server refused the credentials
     * @throws UnreachableException    the host did not answer after the configured attempts
     */
    Connection connect(Endpoint endpoint);

    TransportKind kind();
}
