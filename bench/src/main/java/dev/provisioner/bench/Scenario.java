package dev.provisioner.bench;

/** The runs measured per host count and repetition, in this order. */
public enum Scenario {
    /** Fresh hosts (reset by the benchmark): everything is written, installed and started. */
    FIRST("first converge"),
    /** Right after the first converge: nothing may change. */
    NOOP("no-op re-run"),
    /** One template value changed: one file per host rewritten, one service restarted. */
    CHANGED("one value changed"),
    /**
     * The no-op re-run again, in a fresh JVM as a CLI invocation would run it: class loading and JIT
     * included, the JVM's own start (measured separately) not.
     */
    COLD_NOOP("no-op, fresh JVM");

    private final String label;

    Scenario(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
