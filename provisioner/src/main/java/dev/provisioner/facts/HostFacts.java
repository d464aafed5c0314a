package dev.provisioner.facts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything known about one host at the start of a run, gathered in one round trip. Immutable.
 *
 * @param host           inventory name
 * @param osId           os-release {@code ID} (debian, ubuntu, rhel, rocky, ...)
 * @param osVersion      os-release {@code VERSION_ID}
 * @param osFamily       derived from ID and ID_LIKE
 * @param packageManager apt, dnf or yum
 * @param architecture   {@code uname -m} (x86_64, aarch64)
 * @param packages       installed packages of interest, name to version (absent: not installed)
 * @param files          every managed path asked about
 * @param units          every unit asked about
 * @param candidates     for packages asked about with {@link FactsQuery#candidates} that are not installed:
 *                       the version an install would bring, when the host's package index knows one
 * @param system         the system probe's {@code key=value} lines (host name, memory, CPUs, swap, cgroup
 *                       version, time synchronisation, listening sockets), in the order printed, for the
 *                       preflight checks ({@code engine.preflight}); empty when not reported
 */
public record HostFacts(String host, String osId, String osVersion, OsFamily osFamily, PackageManager packageManager,
                        String architecture, Map<String, String> packages, Map<String, FileState> files,
                        Map<String, UnitState> units, Map<String, String> candidates, List<String> system) {
    public HostFacts(String host, String osId, String osVersion, OsFamily osFamily, PackageManager packageManager,
                     String architecture, Map<String, String> packages, Map<String, FileState> files,
                     Map<String, UnitState> units, Map<String, String> candidates) {
        this(host, osId, osVersion, osFamily, packageManager, architecture, packages, files, units, candidates, List.of());
    }

    public HostFacts(String host, String osId, String osVersion, OsFamily osFamily, PackageManager packageManager,
                     String architecture, Map<String, String> packages, Map<String, FileState> files,
                     Map<String, UnitState> units) {
        this(host, osId, osVersion, osFamily, packageManager, architecture, packages, files, units, Map.of());
    }

    public HostFacts {
        candidates = Map.copyOf(candidates);
        system = system == null ? List.of() : List.copyOf(system);
        packages = Map.copyOf(packages);
        files = Map.copyOf(files);
        units = Map.copyOf(units);
    }

    /** A value of the system probe ({@code hostname}, {@code etchostname}, ...); empty when it was not reported. */
    public Optional<String> system(String key) {
        return system.stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).findFirst();
    }

    /** The installed version of {@code name}, if installed. */
    public Optional<String> packageVersion(String name) {
        return Optional.ofNullable(packages.get(name));
    }

    /** The version an install of {@code name} would bring, if it is not installed and the package index knows it. */
    public Optional<String> candidateVersion(String name) {
        return Optional.ofNullable(candidates.get(name));
    }

    public boolean installed(String name) {
        return packages.containsKey(name);
    }

    /** The state of a path that was asked about; absent when it does not exist or was not asked about. */
    public FileState file(String path) {
        return files.getOrDefault(path, FileState.absent(path));
    }

    /** The state of a unit that was asked about. */
    public UnitState unit(String name) {
        return units.getOrDefault(name, UnitState.unknown(name));
    }
}
