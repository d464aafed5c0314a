package dev.provisioner.step;

import dev.provisioner.inventory.Inventory;

import java.util.List;
import java.util.Objects;

/**
 * A titled group of steps run on the hosts it selects, those hosts in parallel.
 *
 * @param title       unique title, how embedders find it in a {@link Plan} ("prepare-hosts", "registry")
 * @param hosts       which hosts it works on
 * @param steps       its steps, in order
 * @param parallelism at most this many hosts at once; 0 means the run's setting
 * @param barrier     true (the default) when the next phase must wait until every host finished this
 *                    one; false lets each host go on to the next phase on its own
 * @param rollout     all hosts at once (default) or in batches, each started only after the last one succeeded
 */
public record Phase(String title, HostSelector hosts, List<Step> steps, int parallelism, boolean barrier, Rollout rollout) {
    public Phase(String title, HostSelector hosts, List<Step> steps, int parallelism, boolean barrier) {
        this(title, hosts, steps, parallelism, barrier, Rollout.ALL_AT_ONCE);
    }

    public Phase {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(rollout, "rollout");
        steps = List.copyOf(steps);
        if (title.isBlank()) {
            throw new IllegalArgumentException("a phase needs a title");
        }
        if (parallelism < 0) {
            throw new IllegalArgumentException("parallelism must be >= 0");
        }
        long distinct = steps.stream().map(Step::name).distinct().count();
        if (distinct != steps.size()) {
            throw new IllegalArgumentException("phase " + title + ": step names must be unique");
        }
    }

    public static Phase of(String title, HostSelector hosts, Step... steps) {
        return new Phase(title, hosts, List.of(steps), 0, true);
    }

    public Phase withParallelism(int limit) {
        return new Phase(title, hosts, steps, limit, barrier, rollout);
    }

    /** The same phase worked through in batches (or all at once with {@link Rollout#ALL_AT_ONCE}). */
    public Phase withRollout(Rollout policy) {
        return new Phase(title, hosts, steps, parallelism, barrier, policy);
    }

    /** The next phase may start on a host as soon as this one finished there. */
    public Phase withoutBarrier() {
        return new Phase(title, hosts, steps, parallelism, false, rollout);
    }

    public List<dev.provisioner.inventory.Host> selectHosts(Inventory inventory) {
        return hosts.select(inventory);
    }
}
