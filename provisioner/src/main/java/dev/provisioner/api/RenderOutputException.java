package dev.provisioner.api;


/**
 * {@link RenderOutput} refused the output folder or a path in it, or could not write a file.
 *
 * @since 0.1
 */
public final class RenderOutputException extends RuntimeException {
    public RenderOutputException(String message) {
        super(message);
    }

    public RenderOutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
