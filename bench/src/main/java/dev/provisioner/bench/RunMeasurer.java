package dev.provisioner.bench;

import dev.provisioner.api.BenchEngineHooks;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepStatus;
import dev.provisioner.bench.workload.Workload;
import dev.provisioner.bench.workload.WorkloadValues;
import dev.provisioner.inventory.Inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Measures one apply of the workload the way the CLI would do it after the JVM started: load the
 * inventory, build the provisioner (the standard plan replaced by the workload through
 * {@link BenchEngineHooks}), apply; the lab hosts' own CPU time is sampled at the same two boundaries
 * as the wall time. Then checks that the run did what its scenario requires, so a
 * broken run can never pass for a fast one.
 */
final class RunMeasurer {
    private final Path templates;
    private final Path stateDir;
    private final boolean withPackage;

    private final boolean inWarmJvm;

    /**
     * @param inWarmJvm the JVM ran other runs before (the driver): each run then starts from a collected heap
     *                  ({@link Probe#reset(boolean)}); false in a fresh JVM, which measures what the CLI does
     */
    RunMeasurer(Path templates, Path stateDir, boolean withPackage, boolean inWarmJvm) {
        this.templates = templates;
        this.stateDir = stateDir;
        this.withPackage = withPackage;
        this.inWarmJvm = inWarmJvm;
    }

    /** Measures one run on the first {@code hosts} lab hosts, whose own CPU time {@code hostCpu} reads. */
    Measurement measure(Path inventoryFile, int hosts, int run, Scenario scenario, WorkloadValues values, HostCpu hostCpu) {
        hostCpu.settle();
        Probe.reset(inWarmJvm);
        double cpu0 = Probe.cpuSeconds();
        OptionalLong host0 = hostCpu.sample();
        long t0 = System.nanoTime();
        Inventory inventory = Inventory.load(inventoryFile);
        CountingConnections connections = new CountingConnections(inventory);
        Provisioner provisioner = BenchEngineHooks.builder(inventory, standard -> Workload.plan(values, withPackage),
                        Optional.of(connections))
                .parallelism(hosts)
                .templatesDir(templates)
                .stateDirectory(stateDir)
                .build();
        double setup = (System.nanoTime() - t0) / 1e9;
        ProvisionReport report = provisioner.apply();
        double wall = (System.nanoTime() - t0) / 1e9;
        OptionalLong host1 = hostCpu.sample();
        double cpu = Probe.cpuSeconds() - cpu0;
        Measurement m = new Measurement(hosts, run, scenario, wall, cpu,
                report.totals().roundTrips() / (double) hosts,
                report.hosts().stream().mapToLong(h -> h.counters().roundTrips()).max().orElse(0),
                connections.opened() / (double) hosts,
                report.totals().bytesSent() / (double) hosts,
                report.totals().filesWritten(), report.totals().unitsRestarted(),
                (int) report.hosts().stream().filter(h -> h.status() == StepStatus.CHANGED).count(),
                Probe.peakHeapMb(), Probe.peakRssMb(), breakdown(setup, connections), hostCpu.msPerHost(host0, host1),
                Probe.peakThreads());
        ScenarioCheck.verify(report, m);
        return m;
    }

    private static Measurement.Breakdown breakdown(double setup, CountingConnections connections) {
        return new Measurement.Breakdown(setup, median(connections.connectSeconds()), median(connections.factsSeconds()),
                median(connections.applySeconds()));
    }

    private static double median(List<Double> values) {
        return values.isEmpty() ? 0 : Stats.of(values).median();
    }
}
