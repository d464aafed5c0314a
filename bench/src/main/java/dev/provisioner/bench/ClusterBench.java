package dev.provisioner.bench;

import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.ClusterInventory;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepFailure;
import dev.provisioner.api.StepStatus;
import dev.provisioner.bench.reference.RefRun;
import dev.provisioner.bench.reference.SshFanOut;
import dev.provisioner.lab.LabHostInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The {@code --cluster} mode: lab hosts (master, nodes, registry, as {@code provisioner lab up --nodes N-2}
 * starts them) converged through the project's standard plan, every phase that runs here, exactly as
 * {@code lab up} applies it ({@code bin/provisioner apply} of the lab's own inventory; phases that need
 * release files missing here, the Kubernetes binaries, end incomplete as they do in {@code lab up}).
 * Per host count, on fresh hosts: the first converge through the CLI, then per repetition, interleaved
 * so that every repetition's ratios come from the same minute: the no-op through the API in this warm
 * JVM, the no-op through the CLI (a fresh JVM, its start included) and the floor ({@code ssh HOST true})
 * on the same hosts. At the smallest host count also the CLI's apply of one converged host
 * ({@code --limit node01}). Every run is checked: the first converge must write files on every host,
 * a no-op must change nothing.
 */
final class ClusterBench {
    private static final long CLI_TIMEOUT_SECONDS = 1800;
    private final Path root;
    private final Path work;
    private final Consumer<String> log;

    ClusterBench(Path root, Path work, Consumer<String> log) {
        this.root = root;
        this.work = work;
        this.log = log;
    }

    /** Measures every host count of {@code counts}, {@code runs} no-op repetitions each; appends to {@code into}. */
    void measure(List<Integer> counts, int runs, List<ClusterRun> into, Runnable afterEachCount) throws IOException {
        BenchLab lab = new BenchLab(root, work.resolve("cluster-lab"), line -> log.accept("lab: " + line), BenchLab.CLUSTER);
        try {
            int smallest = counts.get(0);
            for (int n : counts) {
                lab.close();   // fresh hosts: the first converge starts from the image
                long t0 = System.nanoTime();
                lab.up(n);
                log.accept(String.format(Locale.ROOT, "cluster N=%d: %d lab hosts up (%.1f s); %s", n, n,
                        (System.nanoTime() - t0) / 1e9, MachineInfo.load().strip()));
                Path inventory = lab.labInventory();
                Path state = work.resolve("cluster-state-" + n);
                deleteTree(state);
                HostCpu hostCpu = lab.hostCpu(n);
                List<LabHostInfo> hosts = lab.first(n);
                into.add(cli(n, n, 1, ClusterKind.FIRST_CLI, inventory, state, null, hostCpu));
                log.accept(String.format(Locale.ROOT, "cluster N=%d: first converge %.1f s, %.0f ms host CPU per host",
                        n, last(into).wallSeconds(), last(into).hostCpuMsPerHost()));
                warm(n, 0, inventory, state, hostCpu);   // untimed: the standard plan's classes load here
                ReferenceMeasurer floor = new ReferenceMeasurer(new SshFanOut(lab.key(), lab.knownHosts(), "root"),
                        "", root.resolve("bench/templates"), work.resolve("render-state"), false);
                for (int run = 1; run <= runs; run++) {
                    ClusterRun w = warm(n, run, inventory, state, hostCpu);
                    ClusterRun c = cli(n, n, run, ClusterKind.NOOP_CLI, inventory, state, null, hostCpu);
                    RefRun f = floor.floor(hosts, run, hostCpu);
                    ClusterRun fr = new ClusterRun(n, n, run, ClusterKind.FLOOR, f.wallSeconds(), f.clientCpuSeconds(),
                            f.hostCpuMsPerHost(), 0, 0, 0);
                    into.addAll(List.of(w, c, fr));
                    log.accept(String.format(Locale.ROOT, "cluster N=%d run %d/%d: no-op warm %.2f s / %.0f ms, CLI %.2f s"
                                    + " / %.0f ms, floor %.2f s / %.0f ms (wall / host CPU per host)", n, run, runs,
                            w.wallSeconds(), w.hostCpuMsPerHost(), c.wallSeconds(), c.hostCpuMsPerHost(), f.wallSeconds(),
                            f.hostCpuMsPerHost()));
                }
                if (n == smallest) {
                    for (int run = 1; run <= runs; run++) {
                        into.add(cli(1, n, run, ClusterKind.ONE_HOST_CLI, inventory, state, "node01", hostCpu));
                        log.accept(String.format(Locale.ROOT, "cluster N=%d run %d/%d: apply --limit node01 %.2f s",
                                n, run, runs, last(into).wallSeconds()));
                    }
                }
                afterEachCount.run();
            }
        } finally {
            lab.close();
        }
    }

    /** The standard plan's apply through the API in this JVM, with the CLI's defaults and state directory. */
    private ClusterRun warm(int n, int run, Path inventoryFile, Path state, HostCpu hostCpu) {
        hostCpu.settle();
        double cpu0 = Probe.cpuSeconds();
        OptionalLong host0 = hostCpu.sample();
        long t0 = System.nanoTime();
        ProvisionReport report = Provisioner.builder().inventory(ClusterInventory.load(inventoryFile)).stateDirectory(state).build().apply();
        double wall = (System.nanoTime() - t0) / 1e9;
        OptionalLong host1 = hostCpu.sample();
        double cpu = Probe.cpuSeconds() - cpu0;
        List<StepFailure> real = report.failures().stream().filter(f -> !f.incomplete()).toList();
        if (!real.isEmpty()) {
            throw new BenchException("cluster no-op (warm JVM) on " + n + " hosts failed: " + real.get(0).message());
        }
        long changed = report.hosts().stream().filter(h -> h.status() == StepStatus.CHANGED).count();
        if (changed > 0 || report.totals().filesWritten() > 0 || report.totals().unitsRestarted() > 0) {
            throw new BenchException("cluster no-op (warm JVM) on " + n + " hosts changed " + changed + " host(s): "
                    + report.totals().filesWritten() + " files written, " + report.totals().unitsRestarted() + " restarts");
        }
        return new ClusterRun(n, n, run, ClusterKind.NOOP_WARM, wall, cpu, hostCpu.msPerHost(host0, host1),
                report.totals().roundTrips(), 0, 0);
    }

    /** One {@code bin/provisioner apply}, timed from outside, checked against {@code kind}. */
    private ClusterRun cli(int hosts, int labHosts, int run, ClusterKind kind, Path inventory, Path state, String limit,
                           HostCpu hostCpu) {
        List<String> command = CliApply.command(root, inventory, state, limit);
        hostCpu.settle();
        double child0 = ChildCpu.seconds();
        OptionalLong host0 = hostCpu.sample();
        long t0 = System.nanoTime();
        CliApply.Result result = CliApply.run(command, CLI_TIMEOUT_SECONDS);
        double wall = (System.nanoTime() - t0) / 1e9;
        OptionalLong host1 = hostCpu.sample();
        double cpu = ChildCpu.seconds() - child0;
        String what = kind.label() + " on " + hosts + " host(s)";
        if (!result.succeeded()) {
            throw new BenchException(what + ": " + String.join(" ", command) + " exited " + result.exit() + ": "
                    + CliApply.tail(result.stdout()));
        }
        CliApply.Outcome o = CliApply.outcome(result.stdout());
        if (o.hosts() != hosts) {
            throw new BenchException(what + ": the report has " + o.hosts() + " hosts");
        }
        if (kind == ClusterKind.FIRST_CLI && (o.filesWritten() < hosts || !o.changed())) {
            throw new BenchException(what + ": a first converge wrote only " + o.filesWritten() + " files");
        }
        if (kind != ClusterKind.FIRST_CLI && (o.changed() || o.filesWritten() > 0 || o.unitsRestarted() > 0)) {
            throw new BenchException(what + ": a no-op changed something (" + o.filesWritten() + " files written, "
                    + o.unitsRestarted() + " restarts)");
        }
        // the counters cover the whole lab; the CPU is per host the run touched (the others stay idle)
        double hostMs = hostCpu.msPerHost(host0, host1) * labHosts / hosts;
        return new ClusterRun(hosts, labHosts, run, kind, wall, cpu, hostMs, o.roundTrips(),
                o.filesWritten(), o.unitsRestarted());
    }

    private static ClusterRun last(List<ClusterRun> runs) {
        return runs.get(runs.size() - 1);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
