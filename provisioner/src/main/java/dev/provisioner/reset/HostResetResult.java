package dev.provisioner.reset;

import java.util.List;

/**
 * What {@code reset} did on one host.
 *
 * @param host    inventory name
 * @param ok      the reset script ran to its end
 * @param removed one line per thing taken away ("stopped etcd.service", "purged etcd-server", ...)
 * @param error   why it did not finish ("" when ok); secrets masked
 */
public record HostResetResult(String host, boolean ok, List<String> removed, String error) {
    public HostResetResult {
        removed = List.copyOf(removed);
    }
}
