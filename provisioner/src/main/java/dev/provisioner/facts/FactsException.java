package dev.provisioner.facts;

import dev.provisioner.ProvisionerException;

/** Facts could not be gathered or understood on a host. */
public class FactsException extends ProvisionerException {
    private final String host;

    public FactsException(String host, String message) {
        super(host + ": " + message);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
