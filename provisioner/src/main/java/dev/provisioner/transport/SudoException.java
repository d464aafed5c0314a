package dev.provisioner.transport;

/** sudo refused: wrong password, or a password is needed and none was configured. Never retried. */
public class SudoException extends TransportException {
    public SudoException(String host, String message) {
        super(host, message);
    }

    public SudoException(String host, String message, Throwable cause) {
        super(host, message, cause);
    }
}
