package dev.provisioner.bench;

import java.util.List;
import java.util.Locale;

/**
 * The {@code --cluster} mode's part of the results: a table section ({@link #section}), a summary CSV
 * ({@link #summary}, one line per lab size and kind, with the ratios to the floor) and one line per
 * run ({@link #runs}).
 */
final class ClusterReport {
    static final String SUMMARY_HEADER = "lab_hosts,hosts,kind,runs,wall_median_s,wall_min_s,wall_max_s,controller_cpu_median_s,"
            + "host_cpu_median_ms_per_host,host_cpu_min_ms_per_host,host_cpu_max_ms_per_host,round_trips_per_host,"
            + "wall_vs_floor,host_cpu_vs_floor";
    static final String RUNS_HEADER = "lab_hosts,hosts,run,kind,wall_s,controller_cpu_s,host_cpu_ms_per_host,round_trips,"
            + "files_written,units_restarted";

    private ClusterReport() {
    }

    static String section(List<ClusterRow> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("The standard plan on lab clusters (--cluster: master, nodes, registry; every phase"
                + " that runs here, as `provisioner lab up` applies it)\n");
        int lab = -1;
        for (ClusterRow r : rows) {
            if (r.labHosts() != lab) {
                lab = r.labHosts();
                s.append(String.format(Locale.ROOT, "%nN = %d lab hosts, %d run(s) of each no-op%n", lab,
                        rows.stream().filter(x -> x.labHosts() == r.labHosts() && x.kind() == ClusterKind.NOOP_CLI)
                                .mapToInt(x -> x.wall().count()).findFirst().orElse(0)));
                s.append(String.format(Locale.ROOT, "  %-32s %-27s %-10s %-25s %-8s %s%n", "run", "wall s  median [min-max]",
                        "ctrl CPU s", "hostCPU ms/host [min-max]", "RT/host", "vs floor: wall, host CPU"));
            }
            s.append(String.format(Locale.ROOT, "  %-32s %-27s %-10s %-25s %-8s %s%n",
                    r.kind().label() + (r.hosts() != r.labHosts() ? " (" + r.hosts() + " host)" : ""),
                    TableReport.range(r.wall()),
                    String.format(Locale.ROOT, "%.2f", r.controllerCpu().median()),
                    Double.isNaN(r.hostCpuMs().median()) ? "n/a" : String.format(Locale.ROOT, "%.0f [%.0f-%.0f]",
                            r.hostCpuMs().median(), r.hostCpuMs().min(), r.hostCpuMs().max()),
                    r.kind() == ClusterKind.FLOOR ? "-" : String.format(Locale.ROOT, "%.1f", r.roundTripsPerHost()),
                    Double.isNaN(r.wallVsFloor()) ? "-" : ReferenceSection.times(r.wallVsFloor()) + ", "
                            + ReferenceSection.times(r.hostCpuVsFloor())));
        }
        return s.toString();
    }

    static String summary(List<ClusterRow> rows) {
        StringBuilder s = new StringBuilder(SUMMARY_HEADER).append('\n');
        for (ClusterRow r : rows) {
            s.append(String.format(Locale.ROOT, "%d,%d,%s,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n", r.labHosts(), r.hosts(),
                    r.kind().name().toLowerCase(Locale.ROOT), r.wall().count(), f(r.wall().median(), 3),
                    f(r.wall().min(), 3), f(r.wall().max(), 3), f(r.controllerCpu().median(), 3),
                    f(r.hostCpuMs().median(), 1), f(r.hostCpuMs().min(), 1), f(r.hostCpuMs().max(), 1),
                    f(r.roundTripsPerHost(), 2), f(r.wallVsFloor(), 3), f(r.hostCpuVsFloor(), 3)));
        }
        return s.toString();
    }

    static String runs(List<ClusterRun> runs) {
        StringBuilder s = new StringBuilder(RUNS_HEADER).append('\n');
        for (ClusterRun r : runs) {
            s.append(String.format(Locale.ROOT, "%d,%d,%d,%s,%s,%s,%s,%d,%d,%d%n", r.labHosts(), r.hosts(), r.run(),
                    r.kind().name().toLowerCase(Locale.ROOT), f(r.wallSeconds(), 3), f(r.controllerCpuSeconds(), 3),
                    f(r.hostCpuMsPerHost(), 1), r.roundTrips(), r.filesWritten(), r.unitsRestarted()));
        }
        return s.toString();
    }

    static String f(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "n/a";
    }
}
