package dev.provisioner.bench.workload;

/**
 * The template values of the workload that a run may change.
 *
 * @param logLevel rendered into /etc/bench/a.env only; changing it rewrites that one file per host
 *                 and restarts bench-a
 */
public record WorkloadValues(String logLevel) {
    public static final WorkloadValues BASE = new WorkloadValues("info");

    public WorkloadValues {
        if (logLevel == null || !logLevel.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("log level must be lowercase letters, digits and '-': " + logLevel);
        }
    }
}
