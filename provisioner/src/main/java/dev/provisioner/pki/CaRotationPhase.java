package dev.provisioner.pki;

/**
 * Where a CA rotation stands (kept in {@code <state>/pki/ca-rotation}). Phase 1 of a rotation is
 * {@link #TRUST} then {@link #REISSUE}, ending in {@link #TRANSITION}; phase 2 is {@link #FINISH}, after
 * which the rotation record is gone. While a phase trusts the old CAs, every host's CA files are bundles of old and new.
 *
 * @since 0.1
 */
public enum CaRotationPhase {
    /** New CAs exist beside the current ones ({@code <ca>.next}); hosts are given both; leaves still from the old CAs. */
    TRUST("trust: hosts trust the current and the next CAs; leaves are still the current CAs'"),
    /** The new CAs are current, the old ones kept as {@code <ca>.old}; every leaf is reissued by the new CAs. */
    REISSUE("reissue: leaves are being reissued by the new CAs; hosts trust the new and the old CAs"),
    /** Phase 1 converged: every leaf is the new CAs', hosts trust the new and the old CAs. */
    TRANSITION("transition: every leaf is the new CAs'; hosts still trust the old CAs too (finish with `certs renew --ca --finish`)"),
    /** Phase 2: hosts are given the new CAs only; the old CAs are deleted when that converged. */
    FINISH("finish: the old CAs are being dropped from every host");

    private final String description;

    CaRotationPhase(String description) {
        this.description = description;
    }

    /** One line for {@code certs check}. */
    public String description() {
        return description;
    }

    /** True when hosts are to trust the previous CAs ({@code <ca>.old}) besides the current ones. */
    boolean trustsOld() {
        return this == REISSUE || this == TRANSITION;
    }
}
