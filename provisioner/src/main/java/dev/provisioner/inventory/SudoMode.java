package dev.provisioner.inventory;

/** How privileged commands run for a host's SSH user. */
public enum SudoMode {
    /** Commands run as the user (who should be root). Default when {@code user} is {@code root}. */
    NONE,
    /** {@code sudo -n}: no password needed. Default for any other user. */
    PASSWORDLESS,
    /** {@code sudo -S} with {@code sudoPassword} on stdin. */
    PASSWORD
}
