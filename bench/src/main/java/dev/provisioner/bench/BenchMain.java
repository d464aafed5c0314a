package dev.provisioner.bench;

import dev.provisioner.bench.reference.RefRow;
import dev.provisioner.bench.reference.RefRun;
import dev.provisioner.bench.reference.Reference;
import dev.provisioner.bench.reference.SshFanOut;
import dev.provisioner.bench.workload.WorkloadValues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The benchmark (run it with {@code bench/run}): starts lab hosts, applies the fixed workload in
 * the {@link Scenario}s per host count and repetition, and writes a table, CSV files, a PNG chart and the
 * machine description into the result directory. Lab containers are removed at the end, also on
 * failure or Ctrl-C.
 */
public final class BenchMain {
    /** The value the "one value changed" scenario switches to. */
    static final WorkloadValues CHANGED = new WorkloadValues("debug");

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(options);
        } catch (BenchException e) {
            System.err.println("[bench] FAILED: " + e.getMessage());
            System.exit(1);
        } catch (IOException | RuntimeException e) {
            System.err.println("[bench] FAILED: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(BenchOptions o) throws IOException {
        Path out = o.out() != null ? o.out() : o.root().resolve("bench/results")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path work = o.root().resolve("bench/target/work");
        Files.createDirectories(out);
        Files.createDirectories(work);
        String machine = MachineInfo.describe();
        Files.writeString(out.resolve("machine.txt"), machine);
        log("machine:\n" + machine.strip());
        log("timing the CLI start (" + o.jvmStarts() + " times each)");
        List<StartTime> starts = JvmStart.measure(o.root(), o.jvmStarts());
        List<Measurement> measured = new ArrayList<>();
        List<RefRun> references = new ArrayList<>();
        List<ClusterRun> clusterRuns = new ArrayList<>();
        int cores = Runtime.getRuntime().availableProcessors();
        Map<Integer, LabCpu.Idle> idle = new HashMap<>();
        List<String> hostCpuMissing = new ArrayList<>();
        BenchLab lab = new BenchLab(o.root(), work.resolve("lab"), line -> log("lab: " + line));
        AtomicBoolean down = new AtomicBoolean();
        Runnable removeLab = () -> {
            if (down.compareAndSet(false, true)) {
                log("removing the bench lab containers");
                lab.close();
            }
        };
        Thread hook = new Thread(removeLab, "bench-lab-down");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Path templates = o.root().resolve("bench/templates");
            Path state = work.resolve("state");
            RunMeasurer measurer = new RunMeasurer(templates, state, o.withPackage(), true);
            ReferenceMeasurer refs = new ReferenceMeasurer(new SshFanOut(lab.key(), lab.knownHosts(), "root"),
                    Files.readString(o.root().resolve("bench/expert.sh")), templates, work.resolve("render-state"),
                    o.withPackage());
            boolean warm = false;
            for (int n : o.hosts()) {
                startHosts(lab, n);
                log("N=" + n + ": " + MachineInfo.load().strip());
                HostCpu hostCpu = lab.hostCpu(n);
                hostCpu.unavailable().filter(why -> hostCpuMissing.isEmpty()).ifPresent(why -> {
                    hostCpuMissing.add(why);
                    log("the lab hosts' own CPU (column hostCPU) is n/a: " + why);
                });
                if (!warm) {
                    warmUp(lab, measurer, work);
                    warm = true;
                }
                Path inventory = lab.inventory(n, work);
                for (int run = 1; run <= o.runs(); run++) {
                    lab.reset(n);
                    List<Measurement> four = List.of(
                            measurer.measure(inventory, n, run, Scenario.FIRST, WorkloadValues.BASE, hostCpu),
                            measurer.measure(inventory, n, run, Scenario.NOOP, WorkloadValues.BASE, hostCpu),
                            measurer.measure(inventory, n, run, Scenario.CHANGED, CHANGED, hostCpu),
                            ColdRun.measure(inventory, n, run, templates, state, CHANGED, o.withPackage(), hostCpu));
                    measured.addAll(four);
                    if (o.references()) {
                        references.addAll(measureReferences(lab, refs, inventory, n, run, hostCpu, o.withPackage()));
                    }
                    log(String.format(Locale.ROOT, "N=%d run %d/%d: first %.2f s, no-op %.2f s, changed %.2f s,"
                            + " no-op in a fresh JVM %.2f s (wall); lab hosts' CPU per host %.0f/%.0f/%.0f/%.0f ms",
                            n, run, o.runs(), four.get(0).wallSeconds(), four.get(1).wallSeconds(),
                            four.get(2).wallSeconds(), four.get(3).wallSeconds(), four.get(0).hostCpuMsPerHost(),
                            four.get(1).hostCpuMsPerHost(), four.get(2).hostCpuMsPerHost(), four.get(3).hostCpuMsPerHost()));
                }
                if (hostCpu.unavailable().isEmpty()) {
                    idle.put(n, idle(hostCpu, measured, n));
                }
                // after every host count, so an interrupted benchmark still leaves the counts it finished
                write(out, measured, references, clusterRuns, starts, labCpu(cores, hostCpuMissing, idle), false);
            }
            if (!o.hosts().isEmpty()) {
                removeLab.run();   // the engine's hosts make room for the clusters
            }
            if (!o.cluster().isEmpty()) {
                new ClusterBench(o.root(), work, BenchMain::log).measure(o.cluster(), o.runs(), clusterRuns, () -> {
                    try {
                        write(out, measured, references, clusterRuns, starts, labCpu(cores, hostCpuMissing, idle), false);
                    } catch (IOException e) {
                        throw new BenchException("cannot write the results: " + e.getMessage());
                    }
                });
            }
        } finally {
            Files.writeString(out.resolve("machine.txt"), machine + "at the end, " + MachineInfo.load());
            removeLab.run();
            Runtime.getRuntime().removeShutdownHook(hook);
            if (!measured.isEmpty() || !clusterRuns.isEmpty()) {
                write(out, measured, references, clusterRuns, starts, labCpu(cores, hostCpuMissing, idle), true);
            }
        }
    }

    /**
     * The references on the same {@code n} hosts, after ours: the expert script's first converge (hosts
     * reset again), no-op and change, then the floor. With {@code --package} the expert script is left
     * out (it does not install the package), the floor is not.
     */
    private static List<RefRun> measureReferences(BenchLab lab, ReferenceMeasurer refs, Path inventory, int n, int run,
                                                  HostCpu hostCpu, boolean withPackage) {
        List<RefRun> out = new ArrayList<>();
        if (!withPackage) {
            lab.reset(n);
            out.add(refs.expert(lab.first(n), inventory, run, Scenario.FIRST, WorkloadValues.BASE, hostCpu));
            out.add(refs.expert(lab.first(n), inventory, run, Scenario.NOOP, WorkloadValues.BASE, hostCpu));
            out.add(refs.expert(lab.first(n), inventory, run, Scenario.CHANGED, CHANGED, hostCpu));
        }
        out.add(refs.floor(lab.first(n), run, hostCpu));
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "N=%d run %d: references", n, run));
        out.forEach(r -> line.append(String.format(Locale.ROOT, "; %s%s %.2f s, %.0f ms/host", r.reference().label(),
                r.reference() == Reference.FLOOR ? "" : " " + r.scenario().label(),
                r.wallSeconds(), r.hostCpuMsPerHost())));
        log(line.toString());
        return out;
    }

    /** Starts the lab's hosts up to {@code n} (at least the 3 of the lab's smallest topology); running ones are reused. */
    private static void startHosts(BenchLab lab, int n) {
        long t0 = System.nanoTime();
        lab.up(Math.max(3, n));
        log(String.format(Locale.ROOT, "%d lab hosts up (%.1f s)", Math.max(3, n), (System.nanoTime() - t0) / 1e9));
    }

    /** A first converge and no-op on one host, untimed: class loading and JIT happen here, not in N=1. */
    private static void warmUp(BenchLab lab, RunMeasurer measurer, Path work) throws IOException {
        Path inventory = lab.inventory(1, work);
        HostCpu hostCpu = lab.hostCpu(1);
        lab.reset(1);
        Measurement cold = measurer.measure(inventory, 1, 0, Scenario.FIRST, WorkloadValues.BASE, hostCpu);
        Measurement noop = measurer.measure(inventory, 1, 0, Scenario.NOOP, WorkloadValues.BASE, hostCpu);
        log(String.format(Locale.ROOT, "warm-up on 1 host in a cold JVM (not in the results): first converge %.2f s"
                + " (CPU %.2f s, host's CPU %.0f ms), then no-op %.2f s (host's CPU %.0f ms)", cold.wallSeconds(),
                cold.cpuSeconds(), cold.hostCpuMsPerHost(), noop.wallSeconds(), noop.hostCpuMsPerHost()));
    }

    /**
     * The lab hosts' CPU while nothing runs, over an interval as long as this host count's median
     * no-op (at least 1 s): the background every run's host CPU includes (systemd, timers).
     */
    private static LabCpu.Idle idle(HostCpu hostCpu, List<Measurement> measured, int n) {
        List<Double> noops = measured.stream().filter(m -> m.hosts() == n && m.scenario() == Scenario.NOOP)
                .map(Measurement::wallSeconds).toList();
        double seconds = Math.max(1, Stats.of(noops).median());
        OptionalLong before = hostCpu.sample();
        long t0 = System.nanoTime();
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
        OptionalLong after = hostCpu.sample();
        LabCpu.Idle idle = new LabCpu.Idle((System.nanoTime() - t0) / 1e9, hostCpu.msPerHost(before, after));
        log(String.format(Locale.ROOT, "N=%d: idle lab hosts over %.2f s: %.1f ms CPU per host", n, idle.seconds(),
                idle.msPerHost()));
        return idle;
    }

    private static LabCpu labCpu(int cores, List<String> hostCpuMissing, Map<Integer, LabCpu.Idle> idle) {
        return new LabCpu(cores, hostCpuMissing.stream().findFirst(), idle);
    }

    static void write(Path out, List<Measurement> measured, List<RefRun> references, List<ClusterRun> clusterRuns,
                      List<StartTime> starts, LabCpu labCpu, boolean print) throws IOException {
        List<Row> rows = rows(measured);
        List<RefRow> refRows = RefRow.of(references);
        List<ClusterRow> clusterRows = ClusterRow.of(clusterRuns);
        Map<Scenario, Fit> fits = fits(rows);
        String table = TableReport.render(rows, refRows, fits, starts, labCpu)
                + (clusterRows.isEmpty() ? "" : "\n" + ClusterReport.section(clusterRows));
        if (print) {
            System.out.println(table);
        }
        Files.writeString(out.resolve("table.txt"), table);
        Files.writeString(out.resolve("targets.md"), Targets.markdown(out.getFileName().toString(), rows, refRows, clusterRows, starts));
        if (!clusterRows.isEmpty()) {
            Files.writeString(out.resolve("cluster.csv"), ClusterReport.summary(clusterRows));
            Files.writeString(out.resolve("cluster-runs.csv"), ClusterReport.runs(clusterRuns));
        }
        Files.writeString(out.resolve("cli-start.csv"), CsvReport.starts(starts));
        if (print) {
            log("results in " + out);
        }
        if (rows.isEmpty()) {
            return;
        }
        Files.writeString(out.resolve("results.csv"), CsvReport.summary(rows, refRows));
        Files.writeString(out.resolve("runs.csv"), CsvReport.runs(measured));
        Files.writeString(out.resolve("reference-runs.csv"), CsvReport.referenceRuns(references));
        Files.writeString(out.resolve("projection.csv"), CsvReport.projection(rows));
        Files.write(out.resolve("chart.png"), ChartWriter.png(rows, refRows,
                "provisioner beside the floor and the expert script: wall time vs hosts (fixed workload)"));
    }

    static List<Row> rows(List<Measurement> measured) {
        List<Row> rows = new ArrayList<>();
        measured.stream().map(Measurement::hosts).distinct().sorted().forEach(n -> {
            for (Scenario s : Scenario.values()) {
                List<Measurement> runs = measured.stream().filter(m -> m.hosts() == n && m.scenario() == s).toList();
                if (!runs.isEmpty()) {
                    rows.add(Row.of(runs));
                }
            }
        });
        return rows;
    }

    static Map<Scenario, Fit> fits(List<Row> rows) {
        Map<Scenario, Fit> fits = new EnumMap<>(Scenario.class);
        for (Scenario s : Scenario.values()) {
            List<Row> series = rows.stream().filter(r -> r.scenario() == s).toList();
            fits.put(s, Fit.of(series.stream().map(r -> (double) r.hosts()).toList(),
                    series.stream().map(r -> r.wall().median()).toList()));
        }
        return fits;
    }

    static void log(String line) {
        System.err.println("[bench] " + line);
    }
}
