package dev.provisioner.engine;

import dev.provisioner.inventory.Host;
import dev.provisioner.step.Phase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link RolloutHooks} around one batch of a rolling group: {@link #before} for every host of the batch
 * (stopping at the first failure), {@link #after} for every host that finished without a failure (hosts that
 * failed are left as they are, e.g. cordoned). Their results become step records of each host: before-records
 * first in the host's first phase, after-records last in its last phase.
 */
final class BatchHooks {
    private final RunScope run;
    private final List<Phase> group;
    private final Map<Phase, List<Host>> targets;
    private final RolloutHooks hooks;
    private final Map<Host, List<StepRecord>> first = new LinkedHashMap<>();
    private final Map<Host, List<StepRecord>> last = new LinkedHashMap<>();

    BatchHooks(RunScope run, List<Phase> group, Map<Phase, List<Host>> targets, RolloutHooks hooks) {
        this.run = run;
        this.group = group;
        this.targets = targets;
        this.hooks = hooks;
    }

    /** Runs the before-hooks; the first failure, which stops the rollout before the batch is touched. */
    Optional<Failure> before(List<Host> batch) {
        for (Host h : batch) {
            Optional<Failure> f = record(h, phases(h).get(0), true, first);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** Runs the after-hooks of the hosts of {@code batch} whose records show no failure. */
    void after(List<Host> batch, Map<Host, Map<Phase, List<StepRecord>>> byHost) {
        for (Host h : batch) {
            boolean failed = byHost.get(h).values().stream().flatMap(List::stream).anyMatch(r -> r.failure().isPresent());
            if (!failed) {
                List<Phase> ps = phases(h);
                record(h, ps.get(ps.size() - 1), false, last);
            }
        }
    }

    /** Puts the hook records into the hosts' phase records. */
    void addTo(Map<Host, Map<Phase, List<StepRecord>>> byHost) {
        first.forEach((h, rs) -> {
            List<StepRecord> list = byHost.get(h).computeIfAbsent(phases(h).get(0), p -> new ArrayList<>());
            List<StepRecord> merged = new ArrayList<>(rs);
            merged.addAll(list);
            byHost.get(h).put(phases(h).get(0), merged);
        });
        last.forEach((h, rs) -> {
            List<Phase> ps = phases(h);
            List<StepRecord> merged = new ArrayList<>(byHost.get(h).getOrDefault(ps.get(ps.size() - 1), List.of()));
            merged.addAll(rs);
            byHost.get(h).put(ps.get(ps.size() - 1), merged);
        });
    }

    private List<Phase> phases(Host h) {
        return group.stream().filter(p -> targets.get(p).contains(h)).toList();
    }

    private Optional<Failure> record(Host h, Phase phase, boolean before, Map<Host, List<StepRecord>> into) {
        List<String> titles = phases(h).stream().map(Phase::title).toList();
        List<RolloutHooks.HookResult> results;
        try {
            results = before ? hooks.before(h.name(), titles) : hooks.after(h.name(), titles);
        } catch (RuntimeException e) {
            results = List.of(RolloutHooks.HookResult.failed(before ? "before-batch" : "after-batch", "run the rollout hook",
                    String.valueOf(e.getMessage())));
        }
        for (RolloutHooks.HookResult r : results) {
            Failure f = r.ok() ? null : new Failure(h.name(), phase.title(), r.step(), mask(r.action()), -1, "",
                    mask(h.name() + ": phase " + phase.title() + ", step " + r.step() + ": " + r.message()));
            StepStatus status = !r.ok() ? StepStatus.FAILED : r.changed() ? StepStatus.CHANGED : StepStatus.UNCHANGED;
            StepRecord rec = new StepRecord(phase.title(), h.name(), r.step(), status, mask(r.message()), Duration.ZERO,
                    List.of(), Optional.ofNullable(f));
            run.observer().stepFinished(rec);
            into.computeIfAbsent(h, x -> new ArrayList<>()).add(rec);
            if (f != null) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private String mask(String s) {
        return run.masker().mask(s);
    }
}
