package dev.provisioner.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The repetitions of one {@link ClusterKind} on one lab size, summarised (medians with min and max),
 * with the ratios to the floor measured on the same lab.
 *
 * @param labHosts      the lab's size
 * @param hosts         the hosts the runs touched
 * @param kind          what was run
 * @param wall          wall seconds
 * @param controllerCpu the controller's CPU seconds
 * @param hostCpuMs     the lab hosts' CPU ms per host touched (count 0 and NaN when unreadable)
 * @param roundTripsPerHost median round trips per host touched
 * @param wallVsFloor   median wall / the floor's median wall on the same lab (NaN: no floor or it is the floor)
 * @param hostCpuVsFloor median host CPU per host / the floor's (NaN likewise)
 */
public record ClusterRow(int labHosts, int hosts, ClusterKind kind, Stats wall, Stats controllerCpu, Stats hostCpuMs,
                         double roundTripsPerHost, double wallVsFloor, double hostCpuVsFloor) {

    /** One row per (lab size, kind) in {@code runs}, by lab size and then kind. */
    public static List<ClusterRow> of(List<ClusterRun> runs) {
        List<ClusterRow> rows = new ArrayList<>();
        runs.stream().map(ClusterRun::labHosts).distinct().sorted().forEach(n -> {
            List<ClusterRun> lab = runs.stream().filter(r -> r.labHosts() == n).toList();
            List<ClusterRun> floor = lab.stream().filter(r -> r.kind() == ClusterKind.FLOOR).toList();
            double floorWall = floor.isEmpty() ? Double.NaN : Stats.of(floor.stream().map(ClusterRun::wallSeconds).toList()).median();
            double floorCpu = finite(floor.stream().map(ClusterRun::hostCpuMsPerHost).toList()).median();
            lab.stream().map(ClusterRun::kind).distinct().sorted(Comparator.naturalOrder()).forEach(kind -> {
                List<ClusterRun> group = lab.stream().filter(r -> r.kind() == kind).toList();
                Stats wall = Stats.of(group.stream().map(ClusterRun::wallSeconds).toList());
                Stats cpu = Stats.of(group.stream().map(ClusterRun::controllerCpuSeconds).toList());
                Stats host = finite(group.stream().map(ClusterRun::hostCpuMsPerHost).toList());
                int touched = group.get(0).hosts();
                double rt = Stats.of(group.stream().map(r -> r.roundTrips() / (double) r.hosts()).toList()).median();
                boolean comparable = kind != ClusterKind.FLOOR && touched == n;
                rows.add(new ClusterRow(n, touched, kind, wall, cpu, host, rt,
                        comparable ? wall.median() / floorWall : Double.NaN,
                        comparable ? host.median() / floorCpu : Double.NaN));
            });
        });
        return rows;
    }

    private static Stats finite(List<Double> values) {
        List<Double> ok = values.stream().filter(Double::isFinite).toList();
        return ok.isEmpty() ? new Stats(Double.NaN, Double.NaN, Double.NaN, 0) : Stats.of(ok);
    }
}
