package dev.provisioner.transport;

/** The contract on the embedded MINA server: fast, no Docker. Subclasses choose the backend. */
public abstract class MinaTransportContract extends TransportContract {
    @Override
    protected ContractServer startServer() {
        return new MinaContractServer();
    }
}
