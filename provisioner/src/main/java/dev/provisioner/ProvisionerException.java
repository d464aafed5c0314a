package dev.provisioner;

/**
 * Root of every exception the library throws. Unchecked: callers that care catch the typed
 * subclasses (inventory, transport, step failures), everything else propagates with its message.
 */
public class ProvisionerException extends RuntimeException {
    public ProvisionerException(String message) {
        super(message);
    }

    public ProvisionerException(String message, Throwable cause) {
        super(message, cause);
    }
}
