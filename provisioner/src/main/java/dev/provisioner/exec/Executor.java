package dev.provisioner.exec;

import dev.provisioner.facts.FactsCache;
import dev.provisioner.facts.FactsQuery;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Plan;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.template.TemplateRenderer;
import dev.provisioner.transport.SecretMasker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a {@link Plan}: phase after phase (phases without a barrier are joined with the next one, so a
 * host goes on without waiting for the others); within a phase its hosts in parallel up to the
 * parallelism limit; per host, facts once per run, then each phase's actions in one batch. A failure
 * on a host lets the other hosts of the phase finish (so they stay consistent) and stops every later
 * phase, whose steps are reported as skipped.
 */
public final class Executor {
    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);
    private final ExecSettings settings;
    private final ConnectionSource connections;
    private final ExecObserver observer;
    private final SecretMasker masker;

    public Executor(ExecSettings settings, ConnectionSource connections, ExecObserver observer, SecretMasker masker) {
        this.settings = settings;
        this.connections = connections;
        this.observer = observer;
        this.masker = masker;
    }

    public RunOutcome run(Plan plan, Inventory inventory, TemplateRenderer templates) {
        long start = System.nanoTime();
        RunScope scope = new RunScope(UUID.randomUUID().toString().substring(0, 8), settings.mode(), inventory,
                templates, observer, masker);
        Map<Phase, List<Host>> targets = new LinkedHashMap<>();
        plan.phases().forEach(p -> targets.put(p, p.selectHosts(inventory).stream().filter(this::inLimit).toList()));
        Map<String, HostSession> sessions = sessions(targets, inventory, templates);
        observer.runStarted(settings.mode(), plan.titles(), List.copyOf(sessions.keySet()));
        List<StepRecord> records = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        try {
            for (List<Phase> group : groups(plan)) {
                if (!failures.isEmpty()) {
                    records.addAll(skipped(group, targets, failures.get(0)));
                    continue;
                }
                List<StepRecord> groupRecords = new PhaseGroupRunner(scope, group, targets, sessions, limit(group)).run();
                records.addAll(groupRecords);
                groupRecords.stream().flatMap(r -> r.failure().stream()).forEach(failures::add);
            }
        } finally {
            sessions.values().forEach(HostSession::close);
        }
        Map<String, HostCounters> counters = new LinkedHashMap<>();
        sessions.forEach((name, s) -> {
            if (s.connected()) {
                counters.put(name, s.counters());
            }
        });
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        observer.runFinished(settings.mode(), failures.isEmpty(), took);
        return new RunOutcome(settings.mode(), records, counters, failures, took);
    }

    private boolean inLimit(Host h) {
        return settings.limitHosts().isEmpty() || settings.limitHosts().contains(h.name());
    }

    /** One session per host worked on, each with the union of what all its steps need to know. */
    private Map<String, HostSession> sessions(Map<Phase, List<Host>> targets, Inventory inventory, TemplateRenderer templates) {
        Map<String, FactsQuery> queries = new LinkedHashMap<>();
        Map<String, Host> hosts = new LinkedHashMap<>();
        inventory.hosts().forEach(h -> targets.forEach((phase, selected) -> {
            if (selected.contains(h)) {
                hosts.put(h.name(), h);
                StepContext ctx = new StepContext(inventory, h, templates, Optional.empty());
                for (Step step : phase.steps()) {
                    queries.merge(h.name(), query(step, ctx), FactsQuery::and);
                }
            }
        }));
        FactsCache cache = new FactsCache();
        Map<String, HostSession> sessions = new LinkedHashMap<>();
        hosts.forEach((name, h) -> sessions.put(name, new HostSession(h, connections, queries.getOrDefault(name, FactsQuery.EMPTY), cache)));
        return sessions;
    }

    private FactsQuery query(Step step, StepContext ctx) {
        try {
            return step.facts(ctx);
        } catch (RuntimeException e) {
            // The same error comes back from the step's plan, where it is reported against the step.
            LOG.debug("{}: step {} could not say what it needs: {}", ctx.host().name(), step.name(), masker.mask(e.getMessage()));
            return FactsQuery.EMPTY;
        }
    }

    /** Consecutive phases joined while the earlier one has no barrier. */
    static List<List<Phase>> groups(Plan plan) {
        List<List<Phase>> out = new ArrayList<>();
        List<Phase> current = new ArrayList<>();
        for (Phase p : plan.phases()) {
            current.add(p);
            if (p.barrier()) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private int limit(List<Phase> group) {
        int limit = settings.parallelism();
        for (Phase p : group) {
            if (p.parallelism() > 0) {
                limit = Math.min(limit, p.parallelism());
            }
        }
        return limit;
    }

    private List<StepRecord> skipped(List<Phase> group, Map<Phase, List<Host>> targets, Failure cause) {
        List<StepRecord> out = new ArrayList<>();
        for (Phase p : group) {
            for (Host h : targets.get(p)) {
                for (Step s : p.steps()) {
                    StepRecord r = new StepRecord(p.title(), h.name(), s.name(), StepStatus.SKIPPED,
                            "phase not run: step " + cause.step() + " failed on " + cause.host() + " in phase " + cause.phase(),
                            Duration.ZERO, List.of(), Optional.empty());
                    observer.stepFinished(r);
                    out.add(r);
                }
            }
        }
        return out;
    }
}
