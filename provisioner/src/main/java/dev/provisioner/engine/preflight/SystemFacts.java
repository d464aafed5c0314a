package dev.provisioner.engine.preflight;

import java.util.Map;
import java.util.Optional;

/**
 * What a host offers, as the preflight checks need it.
 *
 * @param hostname     the kernel's host name ({@code hostname})
 * @param memoryMiB    {@code MemTotal}
 * @param cpus         online CPUs
 * @param swapKiB      {@code SwapTotal}; swap is on when positive
 * @param cgroupV2     the unified hierarchy is mounted at {@code /sys/fs/cgroup}
 * @param timeSynced   systemd's {@code NTPSynchronized}, when timedatectl answers
 * @param listening    listening sockets, {@code "2379/tcp"} or {@code "8472/udp"}, to the owning process name
 *                     ({@code ""} for a kernel socket such as flannel's VXLAN)
 */
public record SystemFacts(String hostname, long memoryMiB, int cpus, long swapKiB, boolean cgroupV2,
                          Optional<Boolean> timeSynced, Map<String, String> listening) {
    public SystemFacts {
        listening = Map.copyOf(listening);
        timeSynced = timeSynced == null ? Optional.empty() : timeSynced;
    }
}
