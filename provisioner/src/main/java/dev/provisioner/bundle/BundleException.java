package dev.provisioner.bundle;

/** A bundle that cannot be made, or one that is refused: damaged, tampered with or incomplete. */
public class BundleException extends RuntimeException {
    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
