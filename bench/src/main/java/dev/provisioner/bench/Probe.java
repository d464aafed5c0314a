package dev.provisioner.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the controller's own costs: process CPU time (every thread, GC and JIT included), the heap
 * pools' peak usage, the peak resident set size and the peak number of live threads. {@link #reset(boolean)} starts a new measuring
 * span: in a JVM that ran other runs before, it collects their garbage (the serial collector then gives back the heap it
 * no longer needs, which a fresh process would not have), resets the pools' peaks and, where Linux allows it, the kernel's RSS high-water
 * mark ({@code /proc/self/clear_refs}), so each run's peak is its own.
 */
final class Probe {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private Probe() {
    }

    static void reset(boolean collectFirst) {
        if (collectFirst) {
            // Before the span: the collection's own CPU is not the run's. Without it a run's peaks held the garbage and
            // the heap the runs before it left (N = 100: 213, 235, 280 MB RSS for the three warm scenarios in turn).
            System.gc();
        }
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux, or not allowed: VmHWM is then the peak since the JVM started (an upper bound)
        }
    }

    static double cpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    static int peakThreads() {
        return ManagementFactory.getThreadMXBean().getPeakThreadCount();
    }

    static double peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / 1048576.0;
    }

    /** VmHWM from /proc/self/status, or NaN where there is none. */
    static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
