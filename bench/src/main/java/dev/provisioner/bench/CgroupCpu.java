package dev.provisioner.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the kernel keeps a container's cumulative CPU time (every process in it and in its child
 * cgroups, systemd's units included), and how to read it. Two formats: cgroup v2's {@code cpu.stat}
 * (line {@code usage_usec}, microseconds) and cgroup v1's {@code cpuacct.usage} (one number,
 * nanoseconds). The candidates cover Docker's cgroupfs driver on a hybrid layout (v2 mounted at
 * {@code unified/}), on pure v2, with the systemd driver, and on v1.
 */
final class CgroupCpu {
    /** Where cgroup file systems are mounted. */
    static final Path ROOT = Path.of("/sys/fs/cgroup");

    private CgroupCpu() {
    }

    /** The files that may hold container {@code id}'s cumulative CPU time, in the order they are tried. */
    static List<Path> candidates(Path root, String id) {
        return List.of(
                root.resolve("unified/docker").resolve(id).resolve("cpu.stat"),
                root.resolve("unified/system.slice").resolve("docker-" + id + ".scope").resolve("cpu.stat"),
                root.resolve("system.slice").resolve("docker-" + id + ".scope").resolve("cpu.stat"),
                root.resolve("docker").resolve(id).resolve("cpu.stat"),
                root.resolve("cpuacct/docker").resolve(id).resolve("cpuacct.usage"),
                root.resolve("cpu,cpuacct/docker").resolve(id).resolve("cpuacct.usage"),
                root.resolve("cpuacct/system.slice").resolve("docker-" + id + ".scope").resolve("cpuacct.usage"),
                root.resolve("cpu,cpuacct/system.slice").resolve("docker-" + id + ".scope").resolve("cpuacct.usage"));
    }

    /** The first candidate that exists and reads as a CPU time. */
    static Optional<Path> find(Path root, String id) {
        for (Path file : candidates(root, id)) {
            try {
                if (Files.isRegularFile(file)) {
                    readNanos(file);
                    return Optional.of(file);
                }
            } catch (IOException | IllegalArgumentException e) {
                // unreadable or not in the expected format: try the next candidate
            }
        }
        return Optional.empty();
    }

    /** The cumulative CPU time in {@code file}, in nanoseconds. */
    static long readNanos(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        return file.getFileName().toString().equals("cpuacct.usage") ? parseCpuacctUsage(text, file)
                : parseCpuStat(text, file);
    }

    /** cgroup v2 {@code cpu.stat}: the {@code usage_usec} line, as nanoseconds. */
    static long parseCpuStat(String text, Path file) {
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 2 && f[0].equals("usage_usec")) {
                return Math.multiplyExact(number(f[1], file), 1000L);
            }
        }
        throw new IllegalArgumentException(file + ": no usage_usec line");
    }

    /** cgroup v1 {@code cpuacct.usage}: one number of nanoseconds. */
    static long parseCpuacctUsage(String text, Path file) {
        return number(text.strip(), file);
    }

    private static long number(String s, Path file) {
        try {
            long v = Long.parseLong(s);
            if (v < 0) {
                throw new NumberFormatException("negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": not a CPU time: '" + s + "'");
        }
    }
}
