package dev.provisioner.engine;

import dev.provisioner.operation.HostFanOut;
import dev.provisioner.operation.Operation;
import dev.provisioner.operation.RunLock;

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
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a {@link Plan}: phase after phase (phases without a barrier are joined with the next one, so a
 * host goes on without waiting for the others); within a phase its hosts in parallel up to the
 * parallelism limit; per host, facts once per run, then each phase's actions in one batch. A failure
 * on a host lets the other hosts of the phase finish (so they stay consistent) and stops every later
 * phase, whose steps are reported as skipped.
 *
 * <p>Before any phase, every host is connected and its facts gathered ({@link Preflight}); in apply
 * that also takes each host's {@link RunLock}. If any host cannot be reached, refuses sudo or is
 * locked by another run, no host is changed. Hosts are worked on through one
 * {@link HostFanOut}, so an interrupt of the calling thread follows its policy: hosts at work finish
 * their current step (the phases of the running group), hosts not started and every later phase are
 * skipped, an {@value #INTERRUPTED} failure is recorded and the run returns with the thread's
 * interrupt flag set again.
 */
public final class Executor {
    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);
    private final ExecSettings settings;
    private final ConnectionSource connections;
    private final ExecObserver observer;
    private final SecretMasker masker;
    private final Supplier<HostFanOut> fanOut;
    private final FactsGate gate;
    private final RolloutHooks hooks;

    /** A run with its own fan-out of {@code settings.parallelism()} hosts. */
    Executor(ExecSettings settings, ConnectionSource connections, ExecObserver observer, SecretMasker masker) {
        this(settings, connections, observer, masker, () -> new HostFanOut("run", settings.parallelism()));
    }

    private Executor(ExecSettings settings, ConnectionSource connections, ExecObserver observer, SecretMasker masker,
                     Supplier<HostFanOut> fanOut) {
        this(settings, connections, observer, masker, fanOut, FactsGate.NONE, RolloutHooks.NONE);
    }

    private Executor(ExecSettings settings, ConnectionSource connections, ExecObserver observer, SecretMasker masker,
                     Supplier<HostFanOut> fanOut, FactsGate gate, RolloutHooks hooks) {
        this.gate = gate;
        this.hooks = hooks;
        this.settings = settings;
        this.connections = connections;
        this.observer = observer;
        this.masker = masker;
        this.fanOut = fanOut;
    }

    /** A run inside {@code op}: its connections, masker, parallelism and fan-out (so its interrupt policy). */
    public static Executor within(Operation op, Mode mode, Set<String> limitHosts, ExecObserver observer) {
        return new Executor(new ExecSettings(mode, op.parallelism(), limitHosts), op::open, observer, op.masker(), op::fanOut);
    }

    /** This run with {@code gate} looking at every host's facts in the preflight (see {@link FactsGate}). */
    public Executor withFactsGate(FactsGate gate) {
        return new Executor(settings, connections, observer, masker, fanOut, gate, hooks);
    }

    /** This run with {@code hooks} around every batch of a rolling phase group in apply (see {@link RolloutHooks}). */
    public Executor withRolloutHooks(RolloutHooks hooks) {
        return new Executor(settings, connections, observer, masker, fanOut, gate, hooks);
    }

    public RunOutcome run(Plan plan, Inventory inventory, TemplateRenderer templates) {
        long start = System.nanoTime();
        RunScope scope = new RunScope(UUID.randomUUID().toString().substring(0, 8), settings.mode(), inventory,
                templates, observer, masker, fanOut.get());
        Map<Phase, List<Host>> targets = new LinkedHashMap<>();
        plan.phases().forEach(p -> targets.put(p, p.selectHosts(inventory).stream().filter(this::inLimit).toList()));
        Optional<String> lockHolder = settings.mode() == Mode.APPLY ? Optional.of(RunLock.holderFor("run " + scope.runId()))
                : Optional.empty();
        Map<String, HostSession> sessions = sessions(targets, inventory, templates, lockHolder);
        scope.locks().cover(sessions.values());
        observer.runStarted(settings.mode(), plan.titles(), List.copyOf(sessions.keySet()));
        List<StepRecord> records = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        boolean interrupted = false;
        try {
            Preflight.Result pre = new Preflight(scope, sessions, targets, gate).run();
            records.addAll(pre.records());
            failures.addAll(pre.failures());
            interrupted = pre.interrupted();
            boolean ranAny = false;
            for (List<Phase> group : groups(plan)) {
                interrupted |= Thread.interrupted();
                if (interrupted && failures.stream().noneMatch(f -> f.step().equals(INTERRUPTED))) {
                    failures.add(interruption(group.get(0), !ranAny));
                }
                if (!failures.isEmpty()) {
                    Failure cause = failures.get(0);
                    String reason;
                    if (cause.step().equals(INTERRUPTED)) {
                        reason = "not run: the run was interrupted";
                    } else if (!pre.failures().isEmpty()) {
                        reason = "not run: " + cause.host() + " failed before the run (" + cause.step() + "), so no host was changed";
                    } else {
                        reason = "phase not run: step " + cause.step() + " failed on " + cause.host() + " in phase " + cause.phase();
                    }
                    records.addAll(skipped(group, targets, reason));
                    continue;
                }
                ranAny = true;
                List<StepRecord> g = new PhaseGroupRunner(scope, group, targets, sessions, limit(group), hooks).run();
                interrupted |= Thread.interrupted() || scope.fanOut().interrupted();
                records.addAll(g);
                g.stream().flatMap(r -> r.failure().stream()).forEach(failures::add);
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
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new RunOutcome(settings.mode(), records, counters, failures, took);
    }

    /** Step name of the failure recorded when the calling thread was interrupted. */
    public static final String INTERRUPTED = "interrupted";

    private static Failure interruption(Phase next, boolean beforeAnyChange) {
        String message = "the run was interrupted" + (beforeAnyChange ? " before any host was changed" : "")
                + "; phase " + next.title() + " and later phases were not run";
        return new Failure("(run)", next.title(), INTERRUPTED, "", -1, "", message).causedBy(new InterruptedException(message));
    }

    private boolean inLimit(Host h) {
        return settings.limitHosts().isEmpty() || settings.limitHosts().contains(h.name());
    }

    /** One session per host worked on, each with the union of what all its steps need to know. */
    private Map<String, HostSession> sessions(Map<Phase, List<Host>> targets, Inventory inventory, TemplateRenderer templates,
                                              Optional<String> lockHolder) {
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
        hosts.forEach((name, h) -> queries.merge(name, gate.query(h, queries.getOrDefault(name, FactsQuery.EMPTY)), FactsQuery::and));
        Map<String, HostSession> sessions = new LinkedHashMap<>();
        hosts.forEach((name, h) -> sessions.put(name, new HostSession(h, connections, queries.getOrDefault(name, FactsQuery.EMPTY), lockHolder)));
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

    static List<StepRecord> skipped(List<Phase> group, Map<Phase, List<Host>> targets, String reason, ExecObserver observer) {
        List<StepRecord> out = new ArrayList<>();
        for (Phase p : group) {
            for (Host h : targets.get(p)) {
                for (Step s : p.steps()) {
                    StepRecord r = new StepRecord(p.title(), h.name(), s.name(), StepStatus.SKIPPED, reason,
                            Duration.ZERO, List.of(), Optional.empty());
                    observer.stepFinished(r);
                    out.add(r);
                }
            }
        }
        return out;
    }

    private List<StepRecord> skipped(List<Phase> group, Map<Phase, List<Host>> targets, String reason) {
        return skipped(group, targets, reason, observer);
    }
}
