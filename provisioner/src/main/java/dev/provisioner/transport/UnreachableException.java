package dev.provisioner.transport;

/** The host could not be reached (refused, timed out, name not resolved) after every attempt. */
public class UnreachableException extends TransportException {
    public UnreachableException(String host, String message) {
        super(host, message);
    }

    public UnreachableException(String host, String message, Throwable cause) {
        super(host, message, cause);
    }
}
