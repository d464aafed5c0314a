package dev.provisioner.step;

import java.util.Set;

/**
 * A handler: restart {@code unit} only if, in this run on this host, one of the watched files (its
 * config, unit file, drop-in, certificates, binary) was written or one of the watched packages was
 * installed. The engine resolves it into a {@link RestartUnit} or drops it; a converged host never
 * restarts anything.
 *
 * @param unit            unit to restart
 * @param watchedPaths    files whose change requires a restart
 * @param watchedPackages packages whose installation requires a restart
 */
public record RestartOnChange(String unit, Set<String> watchedPaths, Set<String> watchedPackages) implements Action {
    public RestartOnChange {
        watchedPaths = Set.copyOf(watchedPaths);
        watchedPackages = Set.copyOf(watchedPackages);
    }

    @Override
    public String describe() {
        return "restart " + unit + " if " + String.join(", ", new java.util.TreeSet<>(watchedPaths)) + " changed";
    }

    @Override
    public Stage stage() {
        return Stage.HANDLERS;
    }
}
