package dev.provisioner.engine;

import java.util.Set;

/**
 * How a run executes.
 *
 * @param mode        plan or apply
 * @param parallelism hosts worked on at once within a phase (a phase may lower it)
 * @param limitHosts  work only on these hosts (empty: all); desired state still covers the whole inventory
 */
record ExecSettings(Mode mode, int parallelism, Set<String> limitHosts) {
    public ExecSettings {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        limitHosts = Set.copyOf(limitHosts);
    }
}
