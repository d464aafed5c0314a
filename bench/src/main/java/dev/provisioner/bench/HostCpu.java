package dev.provisioner.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The CPU time the lab hosts of a run spend themselves (sshd, the shells and scripts the engine
 * runs, systemd): the sum of their containers' cumulative cgroup counters, read directly from the
 * files {@link CgroupCpu} found once when the hosts started (no process is started per sample, so
 * sampling costs no host CPU). When a file was not found the measurement is unavailable and says why;
 * it never makes a number up.
 */
final class HostCpu {
    private final List<Path> files;
    private final String unavailable;

    private HostCpu(List<Path> files, String unavailable) {
        this.files = List.copyOf(files);
        this.unavailable = unavailable;
    }

    /** Finds the counter file of each container ({@code container name -> container id}, in host order). */
    static HostCpu resolve(Path root, Map<String, String> ids) {
        if (ids.isEmpty()) {
            return new HostCpu(List.of(), "no lab containers");
        }
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : ids.entrySet()) {
            Optional<Path> file = CgroupCpu.find(root, e.getValue());
            if (file.isEmpty()) {
                return new HostCpu(List.of(), "no readable cgroup CPU counter for container " + e.getKey() + " (id "
                        + e.getValue() + "); tried " + CgroupCpu.candidates(root, e.getValue()));
            }
            files.add(file.get());
        }
        return new HostCpu(files, "");
    }

    /** The counters found earlier (a fresh JVM gets them as arguments); none: unavailable. */
    static HostCpu ofFiles(List<Path> files) {
        return new HostCpu(files, files.isEmpty() ? "no cgroup CPU counter files given" : "");
    }

    List<Path> files() {
        return files;
    }

    /** Why there is no measurement, or empty when there is one. */
    Optional<String> unavailable() {
        return unavailable.isEmpty() ? Optional.empty() : Optional.of(unavailable);
    }

    /** The hosts' CPU time so far, nanoseconds summed over the hosts; empty when unavailable or unreadable. */
    OptionalLong sample() {
        if (!unavailable.isEmpty()) {
            return OptionalLong.empty();
        }
        long sum = 0;
        try {
            for (Path f : files) {
                sum += CgroupCpu.readNanos(f);
            }
        } catch (IOException | IllegalArgumentException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(sum);
    }

    /** A window over which quiet hosts spend less than {@link #QUIET_MS_PER_HOST} each. */
    static final long QUIET_WINDOW_MS = 200;
    /** CPU per host over {@link #QUIET_WINDOW_MS} below which the hosts count as quiet (idle hosts: about 0.1 ms). */
    static final double QUIET_MS_PER_HOST = 1.0;
    /** The longest wait for quiet hosts; a run then starts anyway (hosts that never settle are a finding too). */
    static final long SETTLE_LIMIT_MS = 5000;

    /**
     * Waits until the hosts are quiet: their CPU over one {@link #QUIET_WINDOW_MS} window below
     * {@link #QUIET_MS_PER_HOST} per host, for at most {@link #SETTLE_LIMIT_MS}. Every measured run (ours and the
     * references') starts after it, so what the run before left behind is not counted in it: sshd closing that run's
     * sessions, the run lock's watcher letting go, systemd finishing its jobs. Measured on three lab hosts, a no-op
     * right after a first converge cost 218-246 ms per host, the next one 154-179 ms, one after 3 s 144-149 ms.
     *
     * @return how long it waited, in milliseconds (0 when the counters are unavailable)
     */
    long settle() {
        if (!unavailable.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        OptionalLong before = sample();
        while (true) {
            try {
                Thread.sleep(QUIET_WINDOW_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted");
            }
            OptionalLong after = sample();
            long waited = (System.nanoTime() - start) / 1_000_000;
            if (quiet(msPerHost(before, after)) || waited >= SETTLE_LIMIT_MS) {
                return waited;
            }
            before = after;
        }
    }

    /** Whether {@code msPerHost} over one window is quiet; a window that could not be read counts as quiet. */
    static boolean quiet(double msPerHost) {
        return Double.isNaN(msPerHost) || msPerHost < QUIET_MS_PER_HOST;
    }

    /** Milliseconds per host between two samples, or NaN when either is missing. */
    double msPerHost(OptionalLong before, OptionalLong after) {
        if (before.isEmpty() || after.isEmpty()) {
            return Double.NaN;
        }
        return (after.getAsLong() - before.getAsLong()) / 1e6 / files.size();
    }
}
