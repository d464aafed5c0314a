package dev.provisioner.ops.reset;

import java.util.List;

/**
 * The outcome of {@code reset}, one result per host worked on, in inventory order.
 *
 * @param hosts per-host results
 */
public record ResetReport(List<HostResetResult> hosts) {
    public ResetReport {
        hosts = List.copyOf(hosts);
    }

    public boolean ok() {
        return hosts.stream().allMatch(HostResetResult::ok);
    }

    public List<HostResetResult> failed() {
        return hosts.stream().filter(h -> !h.ok()).toList();
    }
}
