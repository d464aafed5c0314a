package dev.provisioner.ops.reset;

import java.util.List;

/**
 * What {@code reset} did on one host.
 *
 * @param host    inventory name
 * @param ok      the reset script ran to its end
 * @param removed one line per thing taken away ("stopped etcd.service", "purged etcd-server", ...)
 * @param error   why it did not finish ("" when ok); secrets masked
 * @param locked  another run held the host's run lock, so nothing was reset
 * @param unreachable the host could not be reached, so nothing was reset
 */
public record HostResetResult(String host, boolean ok, List<String> removed, String error, boolean locked,
                              boolean unreachable) {
    public HostResetResult {
        removed = List.copyOf(removed);
    }

    /** A result of a host that was reached. */
    public HostResetResult(String host, boolean ok, List<String> removed, String error, boolean locked) {
        this(host, ok, removed, error, locked, false);
    }

    /** A result not refused by the run lock. */
    public HostResetResult(String host, boolean ok, List<String> removed, String error) {
        this(host, ok, removed, error, false);
    }
}
