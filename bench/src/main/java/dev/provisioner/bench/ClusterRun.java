package dev.provisioner.bench;

/**
 * One measured run of the {@code --cluster} mode.
 *
 * @param hosts           N, the lab hosts the run touched (1 for {@link ClusterKind#ONE_HOST_CLI})
 * @param labHosts        the lab's size (master, nodes, registry)
 * @param run             repetition, from 1
 * @param kind            what was run
 * @param wallSeconds     wall time; for the CLI from starting {@code bin/provisioner} to its exit (JVM start
 *                        included), for the floor from starting the first ssh client to the last one's exit
 * @param controllerCpuSeconds the controller's CPU: the child processes' (CLI, ssh clients) or the
 *                        benchmark JVM's own for the warm no-op
 * @param hostCpuMsPerHost the lab hosts' own CPU (all lab hosts' counters) per host the run touched (NaN when
 *                        unreadable)
 * @param roundTrips      round trips over all hosts (0 for the floor)
 * @param filesWritten    files written over all hosts
 * @param unitsRestarted  units restarted over all hosts
 */
public record ClusterRun(int hosts, int labHosts, int run, ClusterKind kind, double wallSeconds,
                         double controllerCpuSeconds, double hostCpuMsPerHost, long roundTrips, long filesWritten,
                         long unitsRestarted) {
}
