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

    /** Milliseconds per host between two samples, or NaN when either is missing. */
    double msPerHost(OptionalLong before, OptionalLong after) {
        if (before.isEmpty() || after.isEmpty()) {
            return Double.NaN;
        }
        return (after.getAsLong() - before.getAsLong()) / 1e6 / files.size();
    }
}
