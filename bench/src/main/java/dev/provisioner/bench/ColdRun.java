package dev.provisioner.bench;

import dev.provisioner.bench.workload.WorkloadValues;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs one measurement in a fresh JVM (same java, same class path), as a CLI invocation would: the
 * child measures from its {@code main} on, so its JVM start is excluded but class loading and JIT
 * are not, and prints the measurement as one line of {@code key=value} pairs. Like
 * {@code bin/provisioner}, the child maps classes from the CLI's class-data sharing archive when
 * there is an up-to-date one (the class path starts with the CLI jar, which is what the archive
 * requires) and runs with the launcher's JVM options.
 */
final class ColdRun {
    /**
     * What bin/provisioner passes by default besides the archive: the client compiler only, in one thread, no
     * hsperfdata file, the serial collector with a young generation of at most 32 MB.
     */
    static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:-UsePerfData", "-XX:+UseSerialGC",
            "-XX:MaxNewSize=32m");

    private ColdRun() {
    }

    /**
     * In the child: {@code inventory hosts templates stateDir logLevel withPackage [hostCpuFile...]}, the
     * last ones the lab hosts' cgroup CPU counters the parent found (none: host CPU unavailable).
     */
    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        RunMeasurer measurer = new RunMeasurer(Path.of(args[2]), Path.of(args[3]), Boolean.parseBoolean(args[5]), false);
        HostCpu hostCpu = HostCpu.ofFiles(Arrays.stream(args, 6, args.length).map(Path::of).toList());
        Measurement m = measurer.measure(Path.of(args[0]), Integer.parseInt(args[1]), 0, Scenario.COLD_NOOP,
                new WorkloadValues(args[4]), hostCpu);
        System.out.println(encode(m));
    }

    /** Runs the child and returns its measurement, numbered {@code run}. */
    static Measurement measure(Path inventory, int hosts, int run, Path templates, Path stateDir, WorkloadValues values,
                               boolean withPackage, HostCpu hostCpu) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        cdsArchive(classPath).ifPresent(a -> command.addAll(List.of("-XX:SharedArchiveFile=" + a, "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off")));
        command.addAll(LAUNCHER_JVM_OPTIONS);
        command.addAll(List.of("-cp", classPath, ColdRun.class.getName(), inventory.toString(), Integer.toString(hosts),
                templates.toString(), stateDir.toString(), values.logLevel(), Boolean.toString(withPackage)));
        hostCpu.files().forEach(f -> command.add(f.toString()));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new BenchException("the fresh-JVM no-op on " + hosts + " host(s) failed: " + out);
            }
            Measurement m = decode(out.substring(out.lastIndexOf('\n') + 1));
            return new Measurement(m.hosts(), run, m.scenario(), m.wallSeconds(), m.cpuSeconds(), m.roundTripsPerHost(),
                    m.maxRoundTrips(), m.connectionsPerHost(), m.bytesPerHost(), m.filesWritten(), m.unitsRestarted(),
                    m.changedHosts(), m.peakHeapMb(), m.peakRssMb(), m.time(), m.hostCpuMsPerHost(), m.peakThreads());
        } catch (IOException e) {
            throw new BenchException("cannot start a fresh JVM: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    /** {@code provisioner-cli.jsa} next to the class path's first jar, when it is newer than that jar. */
    static Optional<Path> cdsArchive(String classPath) {
        Path jar = Path.of(classPath.split(java.io.File.pathSeparator)[0]);
        Path archive = jar.resolveSibling("provisioner-cli.jsa");
        try {
            return Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0
                    ? Optional.of(archive) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String encode(Measurement m) {
        return String.format(Locale.ROOT, "hosts=%d wall=%.6f cpu=%.6f rt=%.6f maxrt=%d conn=%.6f bytes=%.3f files=%d"
                        + " restarts=%d changed=%d heap=%.3f rss=%.3f setup=%.6f connect=%.6f facts=%.6f apply=%.6f hostcpu=%.6f threads=%d",
                m.hosts(), m.wallSeconds(), m.cpuSeconds(), m.roundTripsPerHost(), m.maxRoundTrips(),
                m.connectionsPerHost(), m.bytesPerHost(), m.filesWritten(), m.unitsRestarted(), m.changedHosts(),
                m.peakHeapMb(), m.peakRssMb(), m.time().setup(), m.time().connect(), m.time().facts(), m.time().apply(),
                m.hostCpuMsPerHost(), m.peakThreads());
    }

    static Measurement decode(String line) {
        java.util.Map<String, String> v = new java.util.HashMap<>();
        for (String pair : line.split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                v.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        try {
            return new Measurement(Integer.parseInt(v.get("hosts")), 0, Scenario.COLD_NOOP, d(v, "wall"), d(v, "cpu"),
                    d(v, "rt"), Long.parseLong(v.get("maxrt")), d(v, "conn"), d(v, "bytes"), Long.parseLong(v.get("files")),
                    Long.parseLong(v.get("restarts")), Integer.parseInt(v.get("changed")), d(v, "heap"), d(v, "rss"),
                    new Measurement.Breakdown(d(v, "setup"), d(v, "connect"), d(v, "facts"), d(v, "apply")),
                    d(v, "hostcpu"), Integer.parseInt(v.get("threads")));
        } catch (RuntimeException e) {
            throw new BenchException("cannot read the fresh JVM's measurement from '" + line + "': " + e);
        }
    }

    private static double d(java.util.Map<String, String> v, String key) {
        return Double.parseDouble(v.get(key));
    }
}
