package dev.provisioner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time of this JVM's finished child processes (the ssh clients of the references):
 * {@code cutime + cstime} of {@code /proc/self/stat}, which the kernel adds to when a child is
 * reaped (Java reaps each child when it exits). Clock ticks of 1/100 s (USER_HZ on Linux).
 */
final class ChildCpu {
    private static final Path STAT = Path.of("/proc/self/stat");
    static final double TICK = 0.01;

    private ChildCpu() {
    }

    /** Seconds so far, or NaN where /proc is not there. */
    static double seconds() {
        try {
            return parse(Files.readString(STAT));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** cutime + cstime (fields 16 and 17) of a /proc/PID/stat line, in seconds. */
    static double parse(String stat) {
        // the command name (field 2) is in parentheses and may contain spaces: count from its end
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * TICK;
    }
}
