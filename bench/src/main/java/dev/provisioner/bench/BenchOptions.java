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
 * the expert script).
 *
 * @param root      the checkout (templates, lab scripts, bin/provisioner)
 * @param hosts     host counts, ascending, distinct
 * @param runs      repetitions per host count (at least 1; medians need 3)
 * @param out       result directory, or null for the default
 * @param jvmStarts how many times to time the CLI's start
 * @param withPackage whether the workload installs its package too
 * @param references  whether the references (floor, expert script) are measured beside ours
 */
public record BenchOptions(Path root, List<Integer> hosts, int runs, Path out, int jvmStarts, boolean withPackage,
                           boolean references) {
    public static final List<Integer> DEFAULT_HOSTS = List.of(1, 5, 10, 20, 40);
    /** The lab starts at most this many hosts (one master, up to 98 nodes and a registry). */
    public static final int MAX_HOSTS = 100;

    public BenchOptions {
        hosts = List.copyOf(new TreeSet<>(hosts));
        if (hosts.isEmpty() || hosts.get(0) < 1 || hosts.get(hosts.size() - 1) > MAX_HOSTS) {
            throw new IllegalArgumentException("--hosts: host counts must be 1.." + MAX_HOSTS + ", got " + hosts);
        }
        if (runs < 1 || runs > 50) {
            throw new IllegalArgumentException("--runs: must be 1..50, got " + runs);
        }
        if (jvmStarts < 1 || jvmStarts > 50) {
            throw new IllegalArgumentException("--jvm-starts: must be 1..50, got " + jvmStarts);
        }
    }

    public int maxHosts() {
        return hosts.get(hosts.size() - 1);
    }

    public static BenchOptions parse(String[] args) {
        Path root = Path.of(".");
        List<Integer> hosts = DEFAULT_HOSTS;
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
                case "--hosts" -> hosts = counts(v);
                case "--runs" -> runs = number(a, v);
                case "--out" -> out = Path.of(v);
                case "--jvm-starts" -> jvmStarts = number(a, v);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + usage());
            }
        }
        return new BenchOptions(root.toAbsolutePath().normalize(), hosts, runs, out, jvmStarts, withPackage, references);
    }

    static String usage() {
        return "usage: bench/run [--hosts 1,5,10,20,40] [--runs 3] [--out DIR] [--jvm-starts 7] [--package] [--no-references]";
    }

    private static List<Integer> counts(String v) {
        List<Integer> out = new ArrayList<>();
        for (String part : v.split(",")) {
            out.add(number("--hosts", part.strip()));
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
