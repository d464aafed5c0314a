package dev.provisioner.api;

import dev.provisioner.ProvisionerException;

/** {@link RenderOutput} refused the output folder or a path in it, or could not write a file. */
public final class RenderOutputException extends ProvisionerException {
    public RenderOutputException(String message) {
        super(message);
    }

    public RenderOutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
