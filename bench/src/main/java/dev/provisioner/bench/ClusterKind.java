package dev.provisioner.bench;

/** What one run of the {@code --cluster} mode measured, in the order they run per host count. */
public enum ClusterKind {
    /** {@code bin/provisioner apply} of the lab's inventory on fresh lab hosts: what {@code lab up} does. */
    FIRST_CLI("first converge, CLI"),
    /** The standard plan's no-op through the API in the benchmark's warm JVM (no class loading, no JVM start). */
    NOOP_WARM("no-op, warm JVM"),
    /** {@code bin/provisioner apply} of the converged lab: a fresh JVM, its start included. */
    NOOP_CLI("no-op, CLI"),
    /** The floor: {@code ssh HOST true} on the same hosts, all at once. */
    FLOOR("floor: ssh true"),
    /** {@code bin/provisioner apply --limit node01} of the converged lab: one host, a fresh JVM. */
    ONE_HOST_CLI("one converged host, CLI");

    private final String label;

    ClusterKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
