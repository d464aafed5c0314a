package dev.provisioner.transport;

/** The server refused the credentials (key, passphrase or password). */
public class AuthenticationException extends TransportException {
    public AuthenticationException(String host, String message) {
        super(host, message);
    }

    public AuthenticationException(String host, String message, Throwable cause) {
        super(host, message, cause);
    }
}
