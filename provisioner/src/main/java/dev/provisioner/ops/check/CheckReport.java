package dev.provisioner.ops.check;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every probe result of a health check, in probe order then inventory host order.
 *
 * @param results  one line per probe and host
 * @param duration wall time of the whole check
 */
public record CheckReport(List<ProbeResult> results, Duration duration) {
    public CheckReport {
        results = List.copyOf(results);
    }

    /** True when every probe is ok or skipped for a reason other than "not installed". */
    public boolean ok() {
        return results.stream().noneMatch(r -> r.status() == ProbeStatus.FAILED || r.status() == ProbeStatus.NOT_INSTALLED);
    }

    public List<ProbeResult> failures() {
        return withStatus(ProbeStatus.FAILED);
    }

    public List<ProbeResult> withStatus(ProbeStatus status) {
        return results.stream().filter(r -> r.status() == status).toList();
    }

    /** True when some host could not be connected to. */
    public boolean unreachable() {
        return failures().stream().anyMatch(r -> r.probe().equals(HealthCheck.CONNECT));
    }

    /** The result of {@code probe} about {@code host}. */
    public Optional<ProbeResult> result(String probe, String host) {
        return results.stream().filter(r -> r.probe().equals(probe) && r.host().equals(host)).findFirst();
    }
}
