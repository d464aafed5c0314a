package dev.provisioner.bench.reference;

import dev.provisioner.bench.Scenario;

/**
 * One measured run of a reference on {@code hosts} lab hosts.
 *
 * @param hosts            N
 * @param run              repetition, from 1
 * @param reference        which reference
 * @param scenario         the scenario it stands beside ({@link Scenario#NOOP} for the floor, which does
 *                         the same whatever the scenario)
 * @param wallSeconds      from starting the first ssh client until the last one exited
 * @param clientCpuSeconds the ssh clients' CPU (user + system) on the controller machine
 * @param hostCpuMsPerHost the lab hosts' own CPU, milliseconds per host (NaN when unreadable)
 */
public record RefRun(int hosts, int run, Reference reference, Scenario scenario, double wallSeconds,
                     double clientCpuSeconds, double hostCpuMsPerHost) {
}
