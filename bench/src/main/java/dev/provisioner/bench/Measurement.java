package dev.provisioner.bench;

/**
 * One measured run of the workload on {@code hosts} lab hosts.
 *
 * @param hosts              number of hosts (N)
 * @param run                repetition, from 1
 * @param scenario           what the run did
 * @param wallSeconds        wall time: inventory load, provisioner build and apply (no JVM start)
 * @param cpuSeconds         controller process CPU time (all threads, GC and JIT included) over the same span
 * @param roundTripsPerHost  engine round trips after connecting, mean over hosts
 * @param maxRoundTrips      engine round trips of the busiest host
 * @param connectionsPerHost SSH connections opened by the run, per host
 * @param bytesPerHost       bytes sent, mean over hosts
 * @param filesWritten       files written, all hosts
 * @param unitsRestarted     units restarted, all hosts
 * @param changedHosts       hosts on which something changed
 * @param peakHeapMb         peak heap used during the run (sum of the heap pools' peaks: an upper bound)
 * @param peakRssMb          peak resident set size of the controller during the run
 * @param time               where the wall time went
 * @param hostCpuMsPerHost   CPU time the lab hosts themselves spent over the same span (their containers'
 *                           cgroup counters: sshd, shells, scripts, systemd), milliseconds, mean over the
 *                           hosts; NaN when the counters could not be read
 * @param peakThreads        the controller's peak number of live threads during the run
 */
public record Measurement(int hosts, int run, Scenario scenario, double wallSeconds, double cpuSeconds,
                          double roundTripsPerHost, long maxRoundTrips, double connectionsPerHost, double bytesPerHost,
                          long filesWritten, long unitsRestarted, int changedHosts, double peakHeapMb,
                          double peakRssMb, Breakdown time, double hostCpuMsPerHost, int peakThreads) {

    /**
     * Where a run's wall time went (medians over its hosts; hosts run in parallel, so the parts of
     * different hosts overlap and do not add up to the wall time).
     *
     * @param setup   inventory load and provisioner build, once per run
     * @param connect opening the SSH connection (TCP, key exchange, authentication)
     * @param facts   the first exchange over the connection: the facts round trip
     * @param apply   every later exchange: uploads and scripts (0 when converged)
     */
    public record Breakdown(double setup, double connect, double facts, double apply) {
    }
}
