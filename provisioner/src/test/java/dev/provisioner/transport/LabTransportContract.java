package dev.provisioner.transport;

/**
 * The contract on real OpenSSH in two lab containers (started once per class, always removed).
 * Skipped without a Docker engine, failed under {@code CI=true}. Subclasses choose the backend.
 */
public abstract class LabTransportContract extends TransportContract {
    @Override
    protected ContractServer startServer() {
        return new LabContractServer();
    }
}
