package dev.provisioner.lab;

import dev.provisioner.ProvisionerException;

/** The local lab could not be started, inspected or removed; the message says what to do. */
public class LabException extends ProvisionerException {
    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
