package dev.provisioner.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What changed on one host during this run (across phases), so handlers of a later phase see a
 * certificate written by an earlier one, and a unit started by an earlier phase is not taken for stopped. Only touched by the worker of its host.
 */
final class Ledger {
    private final Set<String> paths = ConcurrentHashMap.newKeySet();
    private final Set<String> packages = ConcurrentHashMap.newKeySet();
    private final Set<String> unitsStarted = ConcurrentHashMap.newKeySet();

    void pathChanged(String path) {
        paths.add(path);
    }

    void packageInstalled(String name) {
        packages.add(name);
    }

    void unitStarted(String unit) {
        unitsStarted.add(unit);
    }

    /** Units this run started or restarted. */
    Set<String> unitsStarted() {
        return Set.copyOf(unitsStarted);
    }

    Set<String> paths() {
        return Set.copyOf(paths);
    }

    Set<String> packages() {
        return Set.copyOf(packages);
    }
}
