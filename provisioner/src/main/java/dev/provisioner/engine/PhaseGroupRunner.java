package dev.provisioner.engine;

import dev.provisioner.inventory.Host;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Rollout;
import dev.provisioner.step.Step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a group of phases (one phase, or phases chained without barriers) on their hosts in parallel,
 * bounded. Each host runs the group's phases in order and stops at its own first failure; the other
 * hosts carry on to the end of the group so none is left half-done.
 *
 * <p>When a phase of the group rolls out in batches ({@link Rollout}), the hosts are split into batches
 * (the smallest batch size of the group's phases) run one after the other. After a batch, every unit a
 * host restarted or started must be active ({@link BatchHealth}); the first batch with a failure stops
 * the rollout, and every host of the later batches is reported as skipped, naming the failed batch.
 * Hosts run through the run's {@link dev.provisioner.operation.HostFanOut}: after an interrupt, hosts
 * and batches not started are skipped as not run.
 */
final class PhaseGroupRunner {
    private final RunScope run;
    private final List<Phase> group;
    private final Map<Phase, List<Host>> targets;
    private final Map<String, HostSession> sessions;
    private final int limit;
    private final RolloutHooks hooks;

    PhaseGroupRunner(RunScope run, List<Phase> group, Map<Phase, List<Host>> targets, Map<String, HostSession> sessions,
                     int limit) {
        this(run, group, targets, sessions, limit, RolloutHooks.NONE);
    }

    PhaseGroupRunner(RunScope run, List<Phase> group, Map<Phase, List<Host>> targets, Map<String, HostSession> sessions,
                     int limit, RolloutHooks hooks) {
        this.hooks = hooks;
        this.run = run;
        this.group = group;
        this.targets = targets;
        this.sessions = sessions;
        this.limit = limit;
    }

    /** The rollout of a group: its phases' smallest batch size, all at once when none rolls. */
    static Rollout rollout(List<Phase> group) {
        return group.stream().map(Phase::rollout).filter(Rollout::rolling)
                .min((a, b) -> Integer.compare(a.batchSize(), b.batchSize())).orElse(Rollout.ALL_AT_ONCE);
    }

    List<StepRecord> run() {
        long start = System.nanoTime();
        Set<Host> hosts = new LinkedHashSet<>();
        group.forEach(p -> hosts.addAll(targets.get(p)));
        group.forEach(p -> run.observer().phaseStarted(p.title(), targets.get(p).stream().map(Host::name).toList()));
        Rollout rollout = rollout(group);
        List<List<Host>> batches = rollout.split(List.copyOf(hosts));
        Map<Host, Map<Phase, List<StepRecord>>> byHost = new LinkedHashMap<>();
        String stopped = null;
        for (int i = 0; i < batches.size(); i++) {
            List<Host> batch = batches.get(i);
            if (stopped != null) {
                for (Host h : batch) {
                    byHost.put(h, skipAll(h, stopped));
                }
                continue;
            }
            if (run.fanOut().interrupted()) {
                for (Host h : batch) {
                    byHost.put(h, skipAll(h, NOT_RUN_INTERRUPTED));
                }
                continue;
            }
            boolean hooked = rollout.rolling() && run.mode() == Mode.APPLY;
            BatchHooks around = new BatchHooks(run, group, targets, hooks);
            Optional<Failure> refused = hooked ? around.before(batch) : Optional.empty();
            if (refused.isPresent()) {
                stopped = stopReason(i, batches, refused.get());
                for (Host h : batch) {
                    byHost.put(h, skipAll(h, "not run: " + refused.get().message()));
                }
                around.addTo(byHost);
                continue;
            }
            byHost.putAll(runBatch(batch, rollout.rolling()));
            if (hooked) {
                around.after(batch, byHost);
                around.addTo(byHost);
            }
            Optional<Failure> failed = batch.stream().flatMap(h -> byHost.get(h).values().stream())
                    .flatMap(List::stream).flatMap(r -> r.failure().stream()).findFirst();
            if (failed.isPresent() && rollout.rolling()) {
                stopped = stopReason(i, batches, failed.get());
            }
        }
        List<StepRecord> out = new ArrayList<>();
        for (Phase p : group) {
            boolean ok = true;
            for (Host h : targets.get(p)) {
                List<StepRecord> rs = byHost.get(h).getOrDefault(p, List.of());
                out.addAll(rs);
                ok &= rs.stream().noneMatch(r -> r.status() == StepStatus.FAILED);
            }
            run.observer().phaseFinished(p.title(), ok, Duration.ofNanos(System.nanoTime() - start));
        }
        return out;
    }

    /** Why the later batches did not run: which batch, which host, phase and step, and who is left. */
    static String stopReason(int index, List<List<Host>> batches, Failure f) {
        List<String> left = batches.subList(index + 1, batches.size()).stream().flatMap(List::stream).map(Host::name).toList();
        return "not run: rollout stopped after batch " + (index + 1) + " of " + batches.size() + " ("
                + String.join(", ", batches.get(index).stream().map(Host::name).toList()) + ") failed on " + f.host()
                + " in phase " + f.phase() + ", step " + f.step() + "; not rolled out: " + String.join(", ", left);
    }

    /** Skip reason of the hosts an interrupt left unstarted. */
    static final String NOT_RUN_INTERRUPTED = "not run: the run was interrupted";

    private Map<Host, Map<Phase, List<StepRecord>>> runBatch(List<Host> batch, boolean checkHealth) {
        List<Map<Phase, List<StepRecord>>> results = run.fanOut().map(batch, limit, h -> runHost(h, checkHealth),
                h -> skipAll(h, NOT_RUN_INTERRUPTED));
        Map<Host, Map<Phase, List<StepRecord>>> out = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            out.put(batch.get(i), results.get(i));
        }
        return out;
    }

    private Map<Phase, List<StepRecord>> runHost(Host h, boolean checkHealth) {
        Map<Phase, List<StepRecord>> out = new LinkedHashMap<>();
        String failedStep = null;
        Set<String> touched = new LinkedHashSet<>();
        Phase last = null;
        for (Phase p : group) {
            if (!targets.get(p).contains(h)) {
                continue;
            }
            last = p;
            if (failedStep != null) {
                out.put(p, skipped(p, h, "not run: step " + failedStep + " failed on this host"));
                continue;
            }
            HostPhaseRunner runner = new HostPhaseRunner(run, sessions.get(h.name()), p);
            List<StepRecord> rs = runner.run();
            out.put(p, new ArrayList<>(rs));
            touched.addAll(runner.unitsTouched());
            failedStep = rs.stream().filter(r -> r.status() == StepStatus.FAILED).map(StepRecord::step).findFirst().orElse(null);
        }
        if (checkHealth && failedStep == null && last != null && run.mode() == Mode.APPLY && !touched.isEmpty()) {
            out.get(last).add(healthRecord(h, last, touched));
        }
        return out;
    }

    private StepRecord healthRecord(Host h, Phase phase, Set<String> units) {
        long t = System.nanoTime();
        Optional<Failure> failure = BatchHealth.check(sessions.get(h.name()), phase.title(), units)
                .map(f -> new Failure(f.host(), f.phase(), f.step(), run.masker().mask(f.action()), f.exitCode(),
                        run.masker().mask(f.stderrTail()), run.masker().mask(f.message()), f.incomplete(), f.cause()));
        Duration d = Duration.ofNanos(System.nanoTime() - t);
        StepRecord r = failure.map(f -> new StepRecord(phase.title(), h.name(), BatchHealth.STEP, StepStatus.FAILED, f.message(), d,
                        List.of(), Optional.of(f)))
                .orElseGet(() -> new StepRecord(phase.title(), h.name(), BatchHealth.STEP, StepStatus.UNCHANGED,
                        "active after the batch: " + String.join(", ", units.stream().sorted().toList()), d, List.of(), Optional.empty()));
        run.observer().stepFinished(r);
        return r;
    }

    private Map<Phase, List<StepRecord>> skipAll(Host h, String reason) {
        Map<Phase, List<StepRecord>> out = new LinkedHashMap<>();
        for (Phase p : group) {
            if (targets.get(p).contains(h)) {
                out.put(p, skipped(p, h, reason));
            }
        }
        return out;
    }

    private List<StepRecord> skipped(Phase p, Host h, String reason) {
        List<StepRecord> out = new ArrayList<>();
        for (Step s : p.steps()) {
            StepRecord r = new StepRecord(p.title(), h.name(), s.name(), StepStatus.SKIPPED, reason, Duration.ZERO, List.of(),
                    Optional.empty());
            run.observer().stepFinished(r);
            out.add(r);
        }
        return out;
    }
}
