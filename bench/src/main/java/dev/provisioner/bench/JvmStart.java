package dev.provisioner.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times the CLI's own start: {@code bin/provisioner --version} (the launcher, with its class-data
 * sharing archive) and plain {@code java -jar provisioner-cli.jar --version} for comparison. One
 * untimed start first, so the launcher may create its archive and the OS caches hold the jar.
 */
final class JvmStart {
    private JvmStart() {
    }

    static List<StartTime> measure(Path root, int times) {
        Path launcher = root.resolve("bin/provisioner");
        Path jar = root.resolve("cli/target/provisioner-cli.jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(
                time("bin/provisioner --version", List.of(launcher.toString(), "--version"), times),
                time("java -jar provisioner-cli.jar --version (no CDS archive)",
                        List.of(java.toString(), "-Xshare:auto", "-jar", jar.toString(), "--version"), times));
    }

    static StartTime time(String label, List<String> command, int times) {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i <= times; i++) {
            double s = once(command);
            if (i > 0) {
                seconds.add(s);
            }
        }
        return new StartTime(label, Stats.of(seconds));
    }

    private static double once(List<String> command) {
        long t0 = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new BenchException(String.join(" ", command) + " failed: " + new String(out).strip());
            }
        } catch (IOException e) {
            throw new BenchException("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
