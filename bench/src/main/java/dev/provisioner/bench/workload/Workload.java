package dev.provisioner.bench.workload;

import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Plan;
import dev.provisioner.step.Step;

import java.util.ArrayList;

import java.util.List;

/**
 * The benchmark's fixed workload per host, the one the issue compares against: 3 lines in
 * /etc/hosts, 6 rendered config files and 2 systemd services (with their 2 unit files). Optionally
 * one package as well (socat, pre-seeded in the lab image's apt cache): off by default, because
 * the engine's install action always runs {@code apt-get update} first, whose index downloads and
 * parsing then dominate the first converge. One phase on every host, so a converged host costs the
 * engine one facts round trip.
 *
 * <p>It goes through the public API like an embedder's own phase:
 * {@code BenchEngineHooks.builder(inventory, p -> Workload.plan(values), ...)} with the templates in
 * {@code bench/templates} passed as {@code templatesDir}.
 */
public final class Workload {
    public static final String PHASE = "bench-workload";
    public static final String PACKAGE = "socat";
    public static final List<String> UNITS = List.of("bench-a.service", "bench-b.service");

    private Workload() {
    }

    /** The whole plan: only the workload phase. */
    public static Plan plan(WorkloadValues values, boolean withPackage) {
        return Plan.of(phase(values, withPackage));
    }

    public static Phase phase(WorkloadValues values, boolean withPackage) {
        List<Step> steps = new ArrayList<>();
        if (withPackage) {
            steps.add(new PackageStep());
        }
        steps.addAll(List.of(new HostsLinesStep(), new ConfigFilesStep(values), new ServicesStep(values)));
        return new Phase(PHASE, HostSelector.all(), steps, 0, true);
    }
}
