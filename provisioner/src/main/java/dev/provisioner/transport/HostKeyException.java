package dev.provisioner.transport;

/** The host key is unknown (under strict checking) or has changed. Raised before authentication. */
public class HostKeyException extends TransportException {
    public HostKeyException(String host, String message) {
        super(host, message);
    }

    public HostKeyException(String host, String message, Throwable cause) {
        super(host, message, cause);
    }
}
