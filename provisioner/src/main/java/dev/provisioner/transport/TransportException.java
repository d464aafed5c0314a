package dev.provisioner.transport;

import dev.provisioner.ProvisionerException;

/** A failure to reach, authenticate to or talk to a host. Messages name the host and never hold a secret. */
public class TransportException extends ProvisionerException {
    private final String host;

    public TransportException(String host, String message) {
        super(host + ": " + message);
        this.host = host;
    }

    public TransportException(String host, String message, Throwable cause) {
        super(host + ": " + message, cause);
        this.host = host;
    }

    /** The inventory name of the host. */
    public String host() {
        return host;
    }
}
