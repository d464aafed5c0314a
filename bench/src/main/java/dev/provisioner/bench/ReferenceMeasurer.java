package dev.provisioner.bench;

import dev.provisioner.bench.reference.ExpertCheck;
import dev.provisioner.bench.reference.ExpertPayload;
import dev.provisioner.bench.reference.RefRun;
import dev.provisioner.bench.reference.Reference;
import dev.provisioner.bench.reference.SshFanOut;
import dev.provisioner.bench.workload.WorkloadFiles;
import dev.provisioner.bench.workload.WorkloadValues;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.lab.LabHostInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Measures the references on the same lab hosts as ours, with the same clocks: wall time from
 * starting the first ssh client to the last one's exit, the lab hosts' cgroup CPU counters
 * sampled at the same two boundaries, and the ssh clients' own CPU on the controller machine.
 * Each run is checked (exit 0, and for the expert script the scenario's summary line).
 */
final class ReferenceMeasurer {
    private static final long TIMEOUT_SECONDS = 600;
    private final SshFanOut ssh;
    private final String expertScript;
    private final Path templates;
    private final Path renderState;
    private final boolean withPackage;

    ReferenceMeasurer(SshFanOut ssh, String expertScript, Path templates, Path renderState, boolean withPackage) {
        this.ssh = ssh;
        this.expertScript = expertScript;
        this.templates = templates;
        this.renderState = renderState;
        this.withPackage = withPackage;
    }

    /** The floor: {@code ssh HOST true} on every host at once. */
    RefRun floor(List<LabHostInfo> hosts, int run, HostCpu hostCpu) {
        List<byte[]> stdin = new ArrayList<>();
        hosts.forEach(h -> stdin.add(null));
        return timed(hosts, run, Reference.FLOOR, Scenario.NOOP, "true", stdin, hostCpu);
    }

    /** The expert script in {@code scenario} with {@code values}, on every host at once. */
    RefRun expert(List<LabHostInfo> hosts, Path inventory, int run, Scenario scenario, WorkloadValues values,
                  HostCpu hostCpu) {
        Map<String, Map<String, String>> files = WorkloadFiles.byHost(Inventory.load(inventory), templates, renderState,
                values, withPackage);
        List<byte[]> stdin = new ArrayList<>();
        for (LabHostInfo h : hosts) {
            Map<String, String> mine = files.get(h.name());
            if (mine == null) {
                throw new BenchException("nothing rendered for " + h.name());
            }
            stdin.add(ExpertPayload.of(mine, expertScript));
        }
        return timed(hosts, run, Reference.EXPERT, scenario, "bash -s", stdin, hostCpu);
    }

    private RefRun timed(List<LabHostInfo> hosts, int run, Reference reference, Scenario scenario, String remote,
                         List<byte[]> stdin, HostCpu hostCpu) {
        List<String> addresses = hosts.stream().map(LabHostInfo::address).toList();
        hostCpu.settle();
        double child0 = ChildCpu.seconds();
        OptionalLong host0 = hostCpu.sample();
        long t0 = System.nanoTime();
        List<SshFanOut.Result> results;
        try {
            results = ssh.run(addresses, remote, stdin, TIMEOUT_SECONDS);
        } catch (IllegalStateException e) {
            throw new BenchException(reference.label() + ": " + e.getMessage());
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        OptionalLong host1 = hostCpu.sample();
        double client = ChildCpu.seconds() - child0;
        for (int i = 0; i < results.size(); i++) {
            SshFanOut.Result r = results.get(i);
            String host = hosts.get(i).name();
            if (r.exit() != 0) {
                throw new BenchException(reference.label() + " on " + host + " exited " + r.exit() + ": " + r.output());
            }
            if (reference == Reference.EXPERT) {
                try {
                    ExpertCheck.verify(host, scenario, r.output());
                } catch (IllegalStateException e) {
                    throw new BenchException(e.getMessage());
                }
            }
        }
        return new RefRun(hosts.size(), run, reference, scenario, wall, client, hostCpu.msPerHost(host0, host1));
    }
}
