package dev.provisioner.api;

import java.util.Locale;

/**
 * How one health probe on one host came out ({@link HealthReport}).
 *
 * @since 0.1
 */
public enum ProbeStatus {
    /** The component answered as it should. */
    OK,
    /** The component is installed but unhealthy, or the probe could not reach it or timed out. */
    FAILED,
    /** The component is not installed on the host (no unit, no binary, no add-on): shown as skipped. */
    NOT_INSTALLED,
    /** Not run, with a reason: not requested, or a prerequisite failed (that failure is its own result). */
    SKIPPED;

    /** The RESULT column of {@code provisioner check}: {@code ok}, {@code failed} or {@code skipped}. */
    public String label() {
        return this == NOT_INSTALLED ? "skipped" : name().toLowerCase(Locale.ROOT);
    }
}
