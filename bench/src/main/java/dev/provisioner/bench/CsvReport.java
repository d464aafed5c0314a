package dev.provisioner.bench;

import dev.provisioner.bench.reference.Ratio;
import dev.provisioner.bench.reference.RefRow;
import dev.provisioner.bench.reference.RefRun;
import dev.provisioner.bench.reference.Reference;

import java.util.List;
import java.util.Locale;

/**
 * The results as CSV for plotting: {@link #summary} has one line per host count and scenario
 * (medians with min and max), {@link #runs} one line per measured run. Numbers use a dot as
 * decimal separator whatever the locale; scenario names are plain words, so nothing needs quoting.
 * The lab hosts' own CPU time follows, {@code n/a} where it could not be read; then per reference
 * (floor, expert) its medians beside the row and the ratios ours/reference ({@code n/a}: not
 * measured). {@link #referenceRuns} has one line per measured reference run.
 */
final class CsvReport {
    static final String SUMMARY_HEADER = "hosts,scenario,runs,wall_median_s,wall_min_s,wall_max_s,cpu_median_s,cpu_min_s,"
            + "cpu_max_s,round_trips_per_host,max_round_trips_per_host,ssh_connections_per_host,bytes_sent_per_host,"
            + "peak_heap_mb,peak_rss_mb,setup_s,connect_s,facts_s,apply_s,host_cpu_median_ms_per_host,host_cpu_min_ms_per_host,"
            + "host_cpu_max_ms_per_host" + referenceColumns()
            + ",peak_threads,controller_cpu_ms_per_host,peak_rss_mb_per_host,threads_per_host";
    static final String PROJECTION_HEADER = "scenario,host_counts,cpu_fixed_s,cpu_per_host_ms,rss_fixed_mb,rss_per_host_mb,"
            + "threads_fixed,threads_per_host,cpu_at_1000_s,rss_at_1000_mb,threads_at_1000";
    static final String RUNS_HEADER = "hosts,run,scenario,wall_s,cpu_s,round_trips_per_host,max_round_trips_per_host,"
            + "ssh_connections_per_host,bytes_sent_per_host,files_written,units_restarted,changed_hosts,peak_heap_mb,peak_rss_mb,"
            + "setup_s,connect_s,facts_s,apply_s,host_cpu_ms_per_host";

    static final String REFERENCE_RUNS_HEADER = "hosts,run,reference,scenario,wall_s,client_cpu_s,host_cpu_ms_per_host";

    private CsvReport() {
    }

    private static String referenceColumns() {
        StringBuilder s = new StringBuilder();
        for (Reference ref : Reference.values()) {
            String k = ref.key();
            s.append(',').append(k).append("_wall_median_s,").append(k).append("_host_cpu_median_ms_per_host,wall_vs_")
             .append(k).append(",host_cpu_vs_").append(k);
        }
        return s.toString();
    }

    static String summary(List<Row> rows, List<RefRow> refs) {
        StringBuilder s = new StringBuilder(SUMMARY_HEADER).append('\n');
        for (Row r : rows) {
            s.append(r.hosts()).append(',').append(r.scenario().name().toLowerCase(Locale.ROOT)).append(',')
             .append(r.wall().count()).append(',')
             .append(f3(r.wall().median())).append(',').append(f3(r.wall().min())).append(',').append(f3(r.wall().max())).append(',')
             .append(f3(r.cpu().median())).append(',').append(f3(r.cpu().min())).append(',').append(f3(r.cpu().max())).append(',')
             .append(f3(r.roundTripsPerHost())).append(',').append(r.maxRoundTrips()).append(',')
             .append(f3(r.connectionsPerHost())).append(',').append(f0(r.bytesPerHost())).append(',')
             .append(f0(r.peakHeapMb())).append(',').append(f0(r.peakRssMb())).append(',').append(times(r.time())).append(',')
             .append(f1(r.hostCpuMs().median())).append(',').append(f1(r.hostCpuMs().min())).append(',')
             .append(f1(r.hostCpuMs().max()));
            for (Reference ref : Reference.values()) {
                RefRow beside = Ratio.beside(r, ref, refs).orElse(null);
                Ratio ratio = Ratio.of(r, ref, refs);
                s.append(',').append(beside == null ? "n/a" : f3(beside.wall().median())).append(',')
                 .append(beside == null ? "n/a" : f1(beside.hostCpuMs().median())).append(',')
                 .append(ratio(ratio.wall())).append(',').append(ratio(ratio.hostCpu()));
            }
            ControllerCost.PerHost p = ControllerCost.PerHost.of(r);
            s.append(',').append(r.peakThreads()).append(',').append(f1(p.cpuMs())).append(',').append(f3(p.rssMb()))
             .append(',').append(f3(p.threads())).append('\n');
        }
        return s.toString();
    }

    /** One line per scenario measured at three or more host counts: the controller's fit and the 1,000-host projection. */
    static String projection(List<Row> rows) {
        StringBuilder s = new StringBuilder(PROJECTION_HEADER).append('\n');
        for (Scenario sc : Scenario.values()) {
            ControllerCost.of(rows, sc).ifPresent(c -> s.append(sc.name().toLowerCase(Locale.ROOT)).append(',')
                    .append(String.join(" ", c.hosts().stream().map(String::valueOf).toList())).append(',')
                    .append(f3(c.cpu().intercept())).append(',').append(f1(1000 * c.cpu().slope())).append(',')
                    .append(f1(c.rssMb().intercept())).append(',').append(f3(c.rssMb().slope())).append(',')
                    .append(f1(c.threads().intercept())).append(',').append(f3(c.threads().slope())).append(',')
                    .append(f1(ControllerCost.at(c.cpu(), ControllerCost.PROJECTED))).append(',')
                    .append(f0(ControllerCost.at(c.rssMb(), ControllerCost.PROJECTED))).append(',')
                    .append(f0(ControllerCost.at(c.threads(), ControllerCost.PROJECTED))).append('\n'));
        }
        return s.toString();
    }

    static String referenceRuns(List<RefRun> runs) {
        StringBuilder s = new StringBuilder(REFERENCE_RUNS_HEADER).append('\n');
        for (RefRun r : runs) {
            s.append(r.hosts()).append(',').append(r.run()).append(',').append(r.reference().key()).append(',')
             .append(r.scenario().name().toLowerCase(Locale.ROOT)).append(',').append(f3(r.wallSeconds())).append(',')
             .append(f3(r.clientCpuSeconds())).append(',').append(f1(r.hostCpuMsPerHost())).append('\n');
        }
        return s.toString();
    }

    static final String STARTS_HEADER = "command,runs,wall_median_s,wall_min_s,wall_max_s";

    /** The CLI start times: one line per command timed. */
    static String starts(List<StartTime> starts) {
        StringBuilder s = new StringBuilder(STARTS_HEADER).append('\n');
        for (StartTime t : starts) {
            s.append('"').append(t.command().replace("\"", "\"\"")).append("\",").append(t.seconds().count()).append(',')
             .append(f3(t.seconds().median())).append(',').append(f3(t.seconds().min())).append(',')
             .append(f3(t.seconds().max())).append('\n');
        }
        return s.toString();
    }

    /** A ratio with three decimals, or {@code n/a}. */
    static String ratio(double v) {
        return Double.isNaN(v) ? "n/a" : f3(v);
    }

    static String runs(List<Measurement> runs) {
        StringBuilder s = new StringBuilder(RUNS_HEADER).append('\n');
        for (Measurement m : runs) {
            s.append(m.hosts()).append(',').append(m.run()).append(',').append(m.scenario().name().toLowerCase(Locale.ROOT))
             .append(',').append(f3(m.wallSeconds())).append(',').append(f3(m.cpuSeconds())).append(',')
             .append(f3(m.roundTripsPerHost())).append(',').append(m.maxRoundTrips()).append(',')
             .append(f3(m.connectionsPerHost())).append(',').append(f0(m.bytesPerHost())).append(',')
             .append(m.filesWritten()).append(',').append(m.unitsRestarted()).append(',').append(m.changedHosts()).append(',')
             .append(f0(m.peakHeapMb())).append(',').append(f0(m.peakRssMb())).append(',').append(times(m.time())).append(',')
             .append(f1(m.hostCpuMsPerHost())).append('\n');
        }
        return s.toString();
    }

    private static String times(Measurement.Breakdown t) {
        return f3(t.setup()) + ',' + f3(t.connect()) + ',' + f3(t.facts()) + ',' + f3(t.apply());
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** One decimal, or {@code n/a} for NaN (a measurement that could not be taken; pandas reads it as NaN). */
    static String f1(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
