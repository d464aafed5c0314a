package dev.provisioner.api;

import java.time.Duration;
import java.util.List;

/**
 * Every probe of a read-only health check ({@link Provisioner#health(boolean, java.util.Optional)}), in
 * probe order then inventory host order.
 *
 * @param results  one line per probe and host
 * @param duration wall time of the whole check
 *
 * @since 0.1
 */
public record HealthReport(List<ProbeOutcome> results, Duration duration) {
    public HealthReport {
        results = List.copyOf(results);
    }

    /** True when every probe is ok or skipped for a reason other than "not installed". */
    public boolean ok() {
        return results.stream().noneMatch(r -> r.status() == ProbeStatus.FAILED || r.status() == ProbeStatus.NOT_INSTALLED);
    }

    /** The probes that failed. */
    public List<ProbeOutcome> failures() {
        return withStatus(ProbeStatus.FAILED);
    }

    /** The probes with {@code status}. */
    public List<ProbeOutcome> withStatus(ProbeStatus status) {
        return results.stream().filter(r -> r.status() == status).toList();
    }

    /** True when some host could not be connected to. */
    public boolean unreachable() {
        return failures().stream().anyMatch(r -> r.probe().equals(ProbeOutcome.CONNECT));
    }
}
