package dev.provisioner.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The benchmark's command line: {@code --root DIR} (the checkout, set by bench/run),
 * {@code --hosts 1,5,10,20,40}, {@code --runs 3}, {@code --out DIR} (default
 * {@code bench/results/<timestamp>}), {@code --jvm-starts 7}, {@code --package} (add the
 * optional package install to the workload), {@code --no-references} (leave out the floor and
 * the expert script), {@code --cluster 4,10} (the standard plan on lab clusters of these sizes; without
 * {@code --hosts} only that).
 *
 * @param root      the checkout (templates, lab scripts, bin/provisioner)
 * @param hosts     host counts, ascending, distinct
 * @param runs      repetitions per host count (at least 1; medians need 3)
 * @param out       result directory, or null for the default
 * @param jvmStarts how many times to time the CLI's start
 * @param withPackage whether the workload installs its package too
 * @param references  whether the references (floor, expert script) are measured beside ours
 * @param cluster     lab sizes for the {@code --cluster} mode (hosts: master, nodes, registry), ascending; may be empty
 */
public record BenchOptions(Path root, List<Integer> hosts, int runs, Path out, int jvmStarts, boolean withPackage,
                           boolean references, List<Integer> cluster) {
    public static final List<Integer> DEFAULT_HOSTS = List.of(1, 5, 10, 20, 40);
    /** The lab starts at most this many hosts (one master, up to 98 nodes and a registry). */
    public static final int MAX_HOSTS = 100;
    /** The smallest lab the standard plan runs on: master, node01, registry. */
    public static final int MIN_CLUSTER = 3;

    public BenchOptions {
        hosts = List.copyOf(new TreeSet<>(hosts));
        cluster = List.copyOf(new TreeSet<>(cluster));
        if (hosts.isEmpty() && cluster.isEmpty()) {
            throw new IllegalArgumentException("--hosts or --cluster: nothing to measure");
        }
        if (!hosts.isEmpty() && (hosts.get(0) < 1 || hosts.get(hosts.size() - 1) > MAX_HOSTS)) {
            throw new IllegalArgumentException("--hosts: host counts must be 1.." + MAX_HOSTS + ", got " + hosts);
        }
        if (!cluster.isEmpty() && (cluster.get(0) < MIN_CLUSTER || cluster.get(cluster.size() - 1) > MAX_HOSTS)) {
            throw new IllegalArgumentException("--cluster: lab sizes must be " + MIN_CLUSTER + ".." + MAX_HOSTS
                    + " (a master, at least one node and the registry), got " + cluster);
        }
        if (runs < 1 || runs > 50) {
            throw new IllegalArgumentException("--runs: must be 1..50, got " + runs);
        }
        if (jvmStarts < 1 || jvmStarts > 50) {
            throw new IllegalArgumentException("--jvm-starts: must be 1..50, got " + jvmStarts);
        }
    }

    /** The largest number of lab hosts any part of the run starts. */
    public int maxHosts() {
        int engine = hosts.isEmpty() ? 0 : hosts.get(hosts.size() - 1);
        int labs = cluster.isEmpty() ? 0 : cluster.get(cluster.size() - 1);
        return Math.max(engine, labs);
    }

    public static BenchOptions parse(String[] args) {
        Path root = Path.of(".");
        List<Integer> hosts = null;
        List<Integer> cluster = List.of();
        int runs = 3;
        Path out = null;
        int jvmStarts = 7;
        boolean withPackage = false;
        boolean references = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new IllegalArgumentException(usage());
            }
            if (a.equals("--package")) {
                withPackage = true;
                continue;
            }
            if (a.equals("--no-references")) {
                references = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + ": needs a value\n" + usage());
            }
            String v = args[++i];
            switch (a) {
                case "--root" -> root = Path.of(v);
                case "--hosts" -> hosts = counts(a, v);
                case "--cluster" -> cluster = counts(a, v);
                case "--runs" -> runs = number(a, v);
                case "--out" -> out = Path.of(v);
                case "--jvm-starts" -> jvmStarts = number(a, v);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + usage());
            }
        }
        if (hosts == null) {
            hosts = cluster.isEmpty() ? DEFAULT_HOSTS : List.of();
        }
        return new BenchOptions(root.toAbsolutePath().normalize(), hosts, runs, out, jvmStarts, withPackage, references,
                cluster);
    }

    static String usage() {
        return "usage: bench/run [--hosts 1,5,10,20,40] [--runs 3] [--out DIR] [--jvm-starts 7] [--package] [--no-references]"
                + " [--cluster 4,10]";
    }

    private static List<Integer> counts(String option, String v) {
        List<Integer> out = new ArrayList<>();
        for (String part : v.split(",")) {
            out.add(number(option, part.strip()));
        }
        return out;
    }

    private static int number(String option, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a whole number: '" + v + "'");
        }
    }
}
