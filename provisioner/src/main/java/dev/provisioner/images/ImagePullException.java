package dev.provisioner.images;

import dev.provisioner.ProvisionerException;

/** An image could not be pulled from its registry: the message names the image, the registry and why. */
public final class ImagePullException extends ProvisionerException {
    public ImagePullException(String message, Throwable cause) {
        super(message, cause);
    }
}
