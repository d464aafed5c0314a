package dev.provisioner.exec;

import dev.provisioner.inventory.Host;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a group of phases (one phase, or phases chained without barriers) on their hosts in parallel,
 * bounded. Each host runs the group's phases in order and stops at its own first failure; the other
 * hosts carry on to the end of the group so none is left half-done.
 */
final class PhaseGroupRunner {
    private final RunScope run;
    private final List<Phase> group;
    private final Map<Phase, List<Host>> targets;
    private final Map<String, HostSession> sessions;
    private final int limit;

    PhaseGroupRunner(RunScope run, List<Phase> group, Map<Phase, List<Host>> targets, Map<String, HostSession> sessions,
                     int limit) {
        this.run = run;
        this.group = group;
        this.targets = targets;
        this.sessions = sessions;
        this.limit = limit;
    }

    List<StepRecord> run() {
        long start = System.nanoTime();
        Set<Host> hosts = new LinkedHashSet<>();
        group.forEach(p -> hosts.addAll(targets.get(p)));
        group.forEach(p -> run.observer().phaseStarted(p.title(), targets.get(p).stream().map(Host::name).toList()));
        Map<Host, Map<Phase, List<StepRecord>>> byHost = new LinkedHashMap<>();
        if (!hosts.isEmpty()) {
            AtomicInteger n = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(limit, hosts.size()), r -> {
                Thread t = new Thread(r, "provisioner-" + run.runId() + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            try {
                Map<Host, Future<Map<Phase, List<StepRecord>>>> futures = new LinkedHashMap<>();
                hosts.forEach(h -> futures.put(h, pool.submit(() -> runHost(h))));
                for (Map.Entry<Host, Future<Map<Phase, List<StepRecord>>>> e : futures.entrySet()) {
                    byHost.put(e.getKey(), await(e.getValue()));
                }
            } finally {
                pool.shutdownNow();
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

    private Map<Phase, List<StepRecord>> runHost(Host h) {
        Map<Phase, List<StepRecord>> out = new LinkedHashMap<>();
        String failedStep = null;
        for (Phase p : group) {
            if (!targets.get(p).contains(h)) {
                continue;
            }
            if (failedStep != null) {
                List<StepRecord> skipped = new ArrayList<>();
                for (Step s : p.steps()) {
                    StepRecord r = new StepRecord(p.title(), h.name(), s.name(), StepStatus.SKIPPED,
                            "not run: step " + failedStep + " failed on this host", Duration.ZERO, List.of(), Optional.empty());
                    run.observer().stepFinished(r);
                    skipped.add(r);
                }
                out.put(p, skipped);
                continue;
            }
            List<StepRecord> rs = new HostPhaseRunner(run, sessions.get(h.name()), p).run();
            out.put(p, rs);
            failedStep = rs.stream().filter(r -> r.status() == StepStatus.FAILED).map(StepRecord::step).findFirst().orElse(null);
        }
        return out;
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for hosts", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }
}
