package dev.provisioner.inventory;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-host settings that override the cluster-wide ones. Empty means "use the cluster setting".
 *
 * @param transport      SSH library for this host instead of {@code cluster.ssh.transport}
 * @param connectTimeout SSH connect timeout for this host instead of {@code cluster.ssh.connectTimeout}
 * @param flannelIface   network interface flannel uses on this host ({@code --iface}), e.g. on multi-NIC VMs
 */
public record HostOverrides(Optional<SshTransport> transport, Optional<Duration> connectTimeout,
                            Optional<String> flannelIface) {
    /** No overrides. */
    public static final HostOverrides NONE = new HostOverrides(Optional.empty(), Optional.empty(), Optional.empty());
}
