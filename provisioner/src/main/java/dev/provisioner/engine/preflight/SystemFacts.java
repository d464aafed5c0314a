package dev.provisioner.engine.preflight;

import java.util.Optional;
import java.util.Set;

/**
 * What a host offers, as the preflight checks need it, from the facts script's system probe.
 *
 * @param hostname   the kernel's host name
 * @param memoryMiB  {@code MemTotal} (inside a container: the machine's memory, as /proc/meminfo shows it)
 * @param cpus       online CPUs
 * @param swapKiB    {@code SwapTotal}; swap is on when positive
 * @param cgroupV2   the unified hierarchy is mounted at {@code /sys/fs/cgroup}
 * @param timeSynced systemd-timesyncd has synchronised the clock; empty when it did not say
 * @param container  the host is a container (its clock is the machine's)
 * @param listening  listening sockets, {@code "2379/tcp"} or {@code "8472/udp"}; empty when not probed
 * @param listeningProbed whether the socket tables were read: the facts script reads them only when a port the
 *                   preflight asked about has none of its units running ({@link dev.provisioner.facts.FactsQuery#ports()})
 */
public record SystemFacts(String hostname, long memoryMiB, int cpus, long swapKiB, boolean cgroupV2,
                          Optional<Boolean> timeSynced, boolean container, Set<String> listening, boolean listeningProbed) {
    public SystemFacts {
        listening = Set.copyOf(listening);
        timeSynced = timeSynced == null ? Optional.empty() : timeSynced;
    }
}
