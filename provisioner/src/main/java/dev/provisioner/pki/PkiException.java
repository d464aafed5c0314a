package dev.provisioner.pki;

import dev.provisioner.ProvisionerException;

/**
 * The PKI state cannot be used as it is: a CA is missing while certificates it issued exist, a private
 * key does not match its certificate, a file cannot be parsed or written. The message names the file
 * and what the operator can do; nothing is regenerated behind the operator's back.
 */
public class PkiException extends ProvisionerException {
    public PkiException(String message) {
        super(message);
    }

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
