package dev.provisioner.transport;

/** A command ran longer than its timeout; it was abandoned and the channel closed. */
public class CommandTimeoutException extends TransportException {
    public CommandTimeoutException(String host, String message) {
        super(host, message);
    }

    public CommandTimeoutException(String host, String message, Throwable cause) {
        super(host, message, cause);
    }
}
