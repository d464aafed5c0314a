package dev.provisioner.api;

/**
 * {@link Provisioner#rotateCa()} or {@link Provisioner#finishCaRotation()} refused, changing nothing: no
 * rotation is in progress to finish, one is already in progress, or its phase 1 has not completed. The
 * message says which and what to run.
 *
 * @since 0.1
 */
public class CaRotationRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CaRotationRefusedException(String message) {
        super(message);
    }
}
