package dev.provisioner.exec;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What changed on one host during this run (across phases), so handlers of a later phase see a
 * certificate written by an earlier one. Only touched by the worker of its host.
 */
final class Ledger {
    private final Set<String> paths = ConcurrentHashMap.newKeySet();
    private final Set<String> packages = ConcurrentHashMap.newKeySet();

    void pathChanged(String path) {
        paths.add(path);
    }

    void packageInstalled(String name) {
        packages.add(name);
    }

    Set<String> paths() {
        return Set.copyOf(paths);
    }

    Set<String> packages() {
        return Set.copyOf(packages);
    }
}
