package dev.provisioner.inventory;

/**
 * A CIS check the user accepts failing, with the reason recorded for reviewers.
 *
 * @param check  the CIS check id, e.g. {@code 1.2.16}
 * @param reason why the cluster runs without it (required, not blank)
 */
public record CisException(String check, String reason) {
}
