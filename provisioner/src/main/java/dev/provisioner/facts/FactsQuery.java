package dev.provisioner.facts;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the steps of a run need to know about one host; the union of every step's query becomes the
 * host's single facts script.
 *
 * @param packages packages whose installed version to report
 * @param files    managed paths and how much to report about each
 * @param units    systemd units whose active/enabled state to report
 * @param candidates groups of alternative packages (all also in {@code packages}): for a group none of whose
 *                 packages is installed, the version the package manager would install for each (a
 *                 facts-time look at what an install in this run will bring, from the host's package
 *                 index); a group with one package installed costs no look-up at all, which keeps the
 *                 package manager (about 200 ms of a host's CPU per call) off a converged host's run
 * @param ports    ports whose listening sockets to report ({@code 2379/tcp}, {@code 8472/udp}), each with the units
 *                 that serve it (also reported, as {@code units}): the host's socket tables are read only when a port
 *                 has none of its units running, as only then can another program hold it. Reading them costs a
 *                 host milliseconds of kernel time whatever they hold (the kernel walks its whole TCP hash table),
 *                 which on a converged host is a large part of a run
 */
public record FactsQuery(Set<String> packages, Map<String, FileProbe> files, Set<String> units, Set<List<String>> candidates,
                         Map<String, Set<String>> ports) {
    public static final FactsQuery EMPTY = new FactsQuery(Set.of(), Map.of(), Set.of());

    public FactsQuery(Set<String> packages, Map<String, FileProbe> files, Set<String> units) {
        this(packages, files, units, Set.of());
    }

    public FactsQuery(Set<String> packages, Map<String, FileProbe> files, Set<String> units, Set<List<String>> candidates) {
        this(packages, files, units, candidates, Map.of());
    }

    public FactsQuery {
        Map<String, Set<String>> servedBy = new TreeMap<>();
        ports.forEach((port, owners) -> {
            requirePort(port);
            if (owners.isEmpty()) {
                throw new IllegalArgumentException("port " + port + " needs the units that serve it");
            }
            servedBy.put(port, Collections.unmodifiableSet(new TreeSet<>(owners)));
        });
        ports = Collections.unmodifiableMap(servedBy);
        Set<String> allUnits = new TreeSet<>(units);
        servedBy.values().forEach(allUnits::addAll);
        units = Collections.unmodifiableSet(allUnits);
        Set<String> all = new TreeSet<>(packages);
        candidates.forEach(all::addAll);
        packages = Collections.unmodifiableSet(all);
        Set<List<String>> groups = new LinkedHashSet<>();
        candidates.forEach(g -> groups.add(List.copyOf(g)));
        candidates = Collections.unmodifiableSet(groups);
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        packages.forEach(p -> requireWord(p, "package"));
        units.forEach(u -> requireWord(u, "unit"));
        files.keySet().forEach(FactsQuery::requirePath);
    }

    public static FactsQuery packages(String... names) {
        return new FactsQuery(Set.of(names), Map.of(), Set.of());
    }

    /**
     * The installed version of each of these alternative packages and, when none of them is installed,
     * the version an install would bring of each (apt's candidate; dnf's newest in its cached metadata).
     */
    public static FactsQuery candidates(String... names) {
        return new FactsQuery(Set.of(), Map.of(), Set.of(), Set.of(List.of(names)));
    }

    public static FactsQuery units(String... names) {
        return new FactsQuery(Set.of(), Map.of(), Set.of(names));
    }

    /** Whether something listens on {@code port} ({@code 2379/tcp}) while none of {@code units}, which serve it, runs. */
    public static FactsQuery port(String port, Set<String> units) {
        return new FactsQuery(Set.of(), Map.of(), Set.of(), Set.of(), Map.of(port, units));
    }

    public static FactsQuery file(String path, FileProbe probe) {
        return new FactsQuery(Set.of(), Map.of(path, probe), Set.of());
    }

    /** Both queries at once; a path asked for twice gets the stronger probe. */
    public FactsQuery and(FactsQuery other) {
        Set<String> p = new TreeSet<>(packages);
        p.addAll(other.packages);
        Map<String, FileProbe> f = new TreeMap<>(files);
        other.files.forEach((path, probe) -> f.merge(path, probe, FileProbe::merge));
        Set<String> u = new TreeSet<>(units);
        u.addAll(other.units);
        Set<List<String>> c = new LinkedHashSet<>(candidates);
        c.addAll(other.candidates);
        Map<String, Set<String>> ports = new TreeMap<>();
        this.ports.forEach((port, owners) -> ports.computeIfAbsent(port, k -> new TreeSet<>()).addAll(owners));
        other.ports.forEach((port, owners) -> ports.computeIfAbsent(port, k -> new TreeSet<>()).addAll(owners));
        return new FactsQuery(p, f, u, c, ports);
    }

    private static void requireWord(String s, String what) {
        if (!s.matches("[A-Za-z0-9][A-Za-z0-9@._+:-]*")) {
            throw new IllegalArgumentException("invalid " + what + " name: " + s);
        }
    }

    private static void requirePort(String port) {
        if (!port.matches("[1-9][0-9]{0,4}/(tcp|udp)") || Integer.parseInt(port.substring(0, port.indexOf('/'))) > 65535) {
            throw new IllegalArgumentException("invalid port (like 2379/tcp): " + port);
        }
    }

    private static void requirePath(String path) {
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("managed paths are absolute and free of control characters: " + path);
        }
    }
}
