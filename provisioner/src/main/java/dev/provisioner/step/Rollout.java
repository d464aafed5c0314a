package dev.provisioner.step;

import java.util.ArrayList;
import java.util.List;

/**
 * How a phase's hosts are worked through. {@link #ALL_AT_ONCE} (the default) runs them in parallel up
 * to the run's parallelism; a batch size {@code n > 0} runs them {@code n} at a time, each batch only
 * after the previous one finished without a failure, so a failed batch stops the rollout there.
 *
 * @param batchSize hosts per batch, 0 for all at once
 */
public record Rollout(int batchSize) {
    public static final Rollout ALL_AT_ONCE = new Rollout(0);
    public static final Rollout SERIAL = new Rollout(1);

    public Rollout {
        if (batchSize < 0) {
            throw new IllegalArgumentException("a batch has at least one host, got " + batchSize);
        }
    }

    /** Batches of {@code size} hosts (a rolling upgrade's {@code maxUnavailable}). */
    public static Rollout batches(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("maxUnavailable must be at least 1, got " + size);
        }
        return new Rollout(size);
    }

    public boolean rolling() {
        return batchSize > 0;
    }

    /** {@code hosts} split into the batches this rollout runs, in order (one batch when not rolling). */
    public <T> List<List<T>> split(List<T> hosts) {
        List<List<T>> out = new ArrayList<>();
        if (hosts.isEmpty()) {
            return out;
        }
        if (!rolling()) {
            out.add(List.copyOf(hosts));
            return out;
        }
        for (int i = 0; i < hosts.size(); i += batchSize) {
            out.add(List.copyOf(hosts.subList(i, Math.min(hosts.size(), i + batchSize))));
        }
        return out;
    }

    @Override
    public String toString() {
        return rolling() ? "batches of " + batchSize : "all at once";
    }
}
