package dev.provisioner.ops.check;

import java.util.Objects;

/**
 * One line of a health check: which probe, about which host, with what result.
 *
 * @param probe  the probe's name ({@code etcd}, {@code registry-http}, ...)
 * @param host   the inventory host the result is about (not always where the probe ran: the registry
 *               is probed from another host, node readiness from the first master)
 * @param status ok, failed, not installed or skipped
 * @param detail what was probed and what it answered; for a skip, the reason
 */
public record ProbeResult(String probe, String host, ProbeStatus status, String detail) {
    public ProbeResult {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail.strip();
    }

    public static ProbeResult ok(String probe, String host, String detail) {
        return new ProbeResult(probe, host, ProbeStatus.OK, detail);
    }

    public static ProbeResult failed(String probe, String host, String detail) {
        return new ProbeResult(probe, host, ProbeStatus.FAILED, detail);
    }

    public static ProbeResult notInstalled(String probe, String host, String detail) {
        return new ProbeResult(probe, host, ProbeStatus.NOT_INSTALLED, detail);
    }

    public static ProbeResult skipped(String probe, String host, String reason) {
        return new ProbeResult(probe, host, ProbeStatus.SKIPPED, reason);
    }

    /** The same result with another status and detail (for cross-probe reconciliation). */
    public ProbeResult with(ProbeStatus newStatus, String newDetail) {
        return new ProbeResult(probe, host, newStatus, newDetail);
    }
}
