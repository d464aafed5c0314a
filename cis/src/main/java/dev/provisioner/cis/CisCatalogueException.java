package dev.provisioner.cis;

/** The built-in CIS check catalogue is missing or malformed: a packaging defect, never a user error. */
public final class CisCatalogueException extends RuntimeException {
    CisCatalogueException(String message) {
        super(message);
    }

    CisCatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
