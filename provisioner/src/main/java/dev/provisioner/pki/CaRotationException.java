package dev.provisioner.pki;

/**
 * A CA rotation command that does not fit the rotation's state: none in progress, one already in
 * progress, or phase 1 not finished. Nothing was changed.
 *
 * @since 0.1
 */
public final class CaRotationException extends PkiException {
    private static final long serialVersionUID = 1L;

    public CaRotationException(String message) {
        super(message);
    }
}
