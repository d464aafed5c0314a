package dev.provisioner.engine;

import dev.provisioner.step.WaitHealthy;
import java.util.concurrent.TimeoutException;

import dev.provisioner.artifacts.MissingArtifacts;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.operation.RunLock;
import dev.provisioner.operation.RunLockedException;
import dev.provisioner.step.Action;
import dev.provisioner.step.EnsureUnit;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.Phase;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RestartUnit;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.OutputListener;
import dev.provisioner.transport.Upload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One phase on one host: facts (cached), every step's actions, then in apply mode one SFTP batch
 * for the changed files and one script for everything else, with the {@link HostManifest} records of
 * what it creates.
 */
final class HostPhaseRunner {
    /**
     * How long one phase's apply script may run on a host before it is killed (the transport's timeout
     * kill: the channel is closed and the script's process group killed) and the phase fails. Generous:
     * package installs wait up to 10 minutes for the dpkg lock and health checks wait for slow starts;
     * a script past this limit is stuck, not slow.
     */
    static final Duration PHASE_LIMIT = Duration.ofMinutes(45);

    private final RunScope run;
    private final HostSession session;
    private final Phase phase;
    private final String host;
    private final Set<String> unitsTouched = new LinkedHashSet<>();

    HostPhaseRunner(RunScope run, HostSession session, Phase phase) {
        this.run = run;
        this.session = session;
        this.phase = phase;
        this.host = session.host().name();
    }

    /** The records of every step of the phase on this host; at most one of them failed. */
    List<StepRecord> run() {
        long start = System.nanoTime();
        run.observer().hostStarted(phase.title(), host);
        List<StepRecord> records = work();
        boolean ok = records.stream().noneMatch(r -> r.status() == StepStatus.FAILED);
        run.observer().hostFinished(phase.title(), host, ok, Duration.ofNanos(System.nanoTime() - start));
        return records;
    }

    /** The units this phase restarted or started on the host (after {@link #run()}), for a rollout's batch check. */
    Set<String> unitsTouched() {
        return Set.copyOf(unitsTouched);
    }

    private List<StepRecord> work() {
        HostFacts facts;
        try {
            facts = session.facts();
        } catch (RuntimeException e) {
            String what = session.connected() ? "facts" : "connect";
            Failure f = failure(what, what.equals("connect") ? "connect" : "gather facts", -1, "", e.getMessage())
                    .causedBy(session.connected() ? e : Unreached.of(host, e));
            return failedBeforeSteps(f);
        }
        StepContext ctx = new StepContext(run.inventory(), session.host(), run.templates(), Optional.of(facts));
        Map<String, StepOutcome> outcomes = new LinkedHashMap<>();
        Map<String, Duration> planTime = new HashMap<>();
        List<Planned> raw = new ArrayList<>();
        for (Step step : phase.steps()) {
            run.observer().stepStarted(phase.title(), host, step.name());
            long t = System.nanoTime();
            try {
                StepOutcome outcome = step.plan(ctx);
                outcomes.put(step.name(), outcome);
                outcome.actions().forEach(a -> raw.add(new Planned(step.name(), a)));
            } catch (RuntimeException e) {
                Failure f = failure(step.name(), "compute actions", -1, "", e.getMessage()).causedBy(e);
                if (e instanceof MissingArtifacts) {
                    f = new Failure(f.host(), f.phase(), f.step(), mask("obtain release artifacts"), -1, "", f.message(), true, e);
                }
                return finish(planningFailed(step.name(), f, outcomes));
            } finally {
                planTime.put(step.name(), Duration.ofNanos(System.nanoTime() - t));
            }
        }
        Set<String> startedBefore = session.ledger().unitsStarted();
        boolean installedBefore = !session.ledger().packages().isEmpty();
        List<Planned> batch = HandlerResolver.resolve(raw, session.ledger().paths(), session.ledger().packages(),
                unit -> !installedBefore && !startedBefore.contains(unit) && facts.unit(unit).isStopped());
        for (Planned p : batch) {
            run.observer().action(phase.title(), host, p.step(), record(p.action(), false));
        }
        if (run.mode() == Mode.PLAN || batch.isEmpty()) {
            batch.forEach(p -> remember(p.action()));
            return finish(records(outcomes, planTime, batch, Set.of(), -1, null, Duration.ZERO));
        }
        return finish(apply(outcomes, planTime, HostManifest.withRecording(batch)));
    }

    private List<StepRecord> apply(Map<String, StepOutcome> outcomes, Map<String, Duration> planTime, List<Planned> batch) {
        long t = System.nanoTime();
        try {
            run.locks().beforeChange(session);
        } catch (RuntimeException e) {
            String where = e instanceof RunLockedException locked && !locked.host().equals(host) ? locked.host() + ": " : "";
            Failure f = failure(HostManifest.stepOf(batch, 0), "take the run lock", -1, "", where + e.getMessage()).causedBy(e);
            return records(outcomes, planTime, batch, Set.of(), -2, f, Duration.ofNanos(System.nanoTime() - t));
        }
        String stageDir = "/var/lib/provisioner/stage/" + run.runId() + "-" + host;
        Map<Integer, String> staged = new HashMap<>();
        List<Upload> uploads = new ArrayList<>();
        List<Integer> inline = InlineFiles.choose(batch);
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).action() instanceof PutFile put && !inline.contains(i)) {
                String path = stageDir + "/" + i;
                staged.put(i, path);
                uploads.add(Upload.of(path, put.file().content()).withMode(0600));
            }
        }
        try {
            if (!uploads.isEmpty()) {
                session.connection().upload(uploads);
            }
        } catch (RuntimeException e) {
            String step = batch.stream().filter(p -> p.action() instanceof PutFile).findFirst().orElseThrow().step();
            Failure f = failure(step, "upload " + uploads.size() + " file(s)", -1, "", e.getMessage()).causedBy(e);
            return records(outcomes, planTime, batch, Set.of(), -2, f, Duration.ofNanos(System.nanoTime() - t));
        }
        String script = ApplyScript.build(batch, staged, stageDir);
        // File content that travels in the script counts as sent, like an upload's.
        session.connection().stats().sent(inline.stream().mapToLong(i -> ((PutFile) batch.get(i).action()).file().content().length).sum());
        Command command = new Command(Command.shell(script).line(), true, null, PHASE_LIMIT,
                "apply phase " + phase.title() + " (" + batch.size() + " actions)");
        CommandResult result;
        try {
            result = session.connection().run(command, this::output);
        } catch (RuntimeException e) {
            Failure f = failure(HostManifest.stepOf(batch, 0), "run the phase script", -1, "", e.getMessage()).causedBy(e);
            return records(outcomes, planTime, batch, Set.of(), -2, f, Duration.ofNanos(System.nanoTime() - t));
        }
        Set<Integer> done = ApplyScript.done(result.stdout());
        for (int i : done) {
            remember(batch.get(i).action());
            if (batch.get(i).action() instanceof PutFile) {
                session.fileWritten();
            } else if (batch.get(i).action() instanceof RestartUnit restart) {
                session.unitRestarted();
                unitsTouched.add(restart.unit());
            } else if (batch.get(i).action() instanceof EnsureUnit ensure && ensure.start()) {
                unitsTouched.add(ensure.unit());
            }
        }
        Failure failure = null;
        int failedAt = -1;
        if (done.isEmpty() && result.exitCode() == RunLock.REFUSED && result.stderr().contains(RunLock.REFUSAL_PREFIX)) {
            String holder = RunLock.holder(result.stderr());
            Failure f = failure(HostManifest.stepOf(batch, 0), "take the busy lock", result.exitCode(), "",
                    "the phase script did not start: " + holder);
            return records(outcomes, planTime, batch, Set.of(), -2, f, Duration.ofNanos(System.nanoTime() - t));
        }
        if (!result.ok()) {
            failedAt = ApplyScript.failed(result.stdout());
            Planned p = failedAt >= 0 ? batch.get(failedAt) : batch.get(0);
            String tail = run.masker().mask(result.tail(10));
            failure = failure(HostManifest.stepOf(batch, failedAt >= 0 ? failedAt : 0), p.action().describe(), result.exitCode(), tail,
                    "'" + p.action().describe() + "' exited " + result.exitCode());
            if (result.exitCode() == ApplyScript.HEALTH_TIMEOUT && p.action() instanceof WaitHealthy) {
                failure = failure.causedBy(new TimeoutException(failure.message()));
            }
        }
        return records(outcomes, planTime, batch, done, failedAt, failure, Duration.ofNanos(System.nanoTime() - t));
    }

    private void output(OutputListener.Stream stream, String line) {
        if (!line.startsWith(ApplyScript.MARK) && !line.isEmpty()) {
            run.observer().output(host, stream, run.masker().mask(line));
        }
    }

    private void remember(Action a) {
        if (a instanceof PutFile put) {
            session.ledger().pathChanged(put.path());
        } else if (a instanceof InstallPackages install) {
            install.packages().forEach(session.ledger()::packageInstalled);
        } else if (a instanceof EnsureUnit unit && unit.start()) {
            session.ledger().unitStarted(unit.unit());
        } else if (a instanceof RestartUnit restart) {
            session.ledger().unitStarted(restart.unit());
        }
    }

    /**
     * One record per step. {@code failedAt} is the failing index, -1 for none, -2 when the whole
     * batch failed before any action ran.
     */
    private List<StepRecord> records(Map<String, StepOutcome> outcomes, Map<String, Duration> planTime,
                                     List<Planned> batch, Set<Integer> done, int failedAt, Failure failure,
                                     Duration applyTime) {
        List<StepRecord> out = new ArrayList<>();
        for (Map.Entry<String, StepOutcome> e : outcomes.entrySet()) {
            String step = e.getKey();
            List<ActionRecord> actions = new ArrayList<>();
            boolean failed = failure != null && failure.step().equals(step);
            boolean allDone = true;
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).step().equals(step)) {
                    actions.add(record(batch.get(i).action(), done.contains(i)));
                    allDone &= done.contains(i);
                }
            }
            Duration d = planTime.get(step).plus(actions.isEmpty() ? Duration.ZERO : applyTime);
            StepRecord r;
            boolean onlyChecks = actions.stream().allMatch(a -> a.kind().equals("WaitHealthy"));
            if (actions.isEmpty() || (onlyChecks && !failed)) {
                // A step left with nothing but a health check changed nothing itself.
                r = new StepRecord(phase.title(), host, step, StepStatus.UNCHANGED, mask(e.getValue().reason()), d, actions, Optional.empty());
            } else if (failed) {
                r = new StepRecord(phase.title(), host, step, StepStatus.FAILED, failure.message(), d, actions, Optional.of(failure));
            } else if (run.mode() == Mode.PLAN || failure == null || allDone) {
                String verb = run.mode() == Mode.PLAN ? "would " : "";
                r = new StepRecord(phase.title(), host, step, StepStatus.CHANGED,
                        verb + String.join("; ", actions.stream().map(ActionRecord::description).toList()), d, actions, Optional.empty());
            } else {
                r = new StepRecord(phase.title(), host, step, StepStatus.SKIPPED,
                        "not run: " + failure.step() + " failed first (" + failure.message() + ")", d, actions, Optional.empty());
            }
            out.add(r);
        }
        return out;
    }

    private List<StepRecord> planningFailed(String failedStep, Failure f, Map<String, StepOutcome> planned) {
        List<StepRecord> out = new ArrayList<>();
        for (Step s : phase.steps()) {
            if (s.name().equals(failedStep)) {
                out.add(new StepRecord(phase.title(), host, s.name(), StepStatus.FAILED, f.message(), Duration.ZERO, List.of(), Optional.of(f)));
            } else {
                out.add(new StepRecord(phase.title(), host, s.name(), StepStatus.SKIPPED,
                        "not run: step " + failedStep + " could not be computed", Duration.ZERO, List.of(), Optional.empty()));
            }
        }
        return out;
    }

    private List<StepRecord> failedBeforeSteps(Failure f) {
        List<StepRecord> out = new ArrayList<>();
        out.add(new StepRecord(phase.title(), host, f.step(), StepStatus.FAILED, f.message(), Duration.ZERO, List.of(), Optional.of(f)));
        for (Step s : phase.steps()) {
            out.add(new StepRecord(phase.title(), host, s.name(), StepStatus.SKIPPED, "not run: " + f.message(),
                    Duration.ZERO, List.of(), Optional.empty()));
        }
        return finish(out);
    }

    private List<StepRecord> finish(List<StepRecord> records) {
        records.forEach(run.observer()::stepFinished);
        return records;
    }

    private ActionRecord record(Action a, boolean done) {
        String diff = a instanceof PutFile put ? mask(put.diff()) : "";
        return new ActionRecord(ActionRecord.kindOf(a), mask(a.describe()), diff, done);
    }

    private Failure failure(String step, String action, int exitCode, String tail, String message) {
        return new Failure(host, phase.title(), step, mask(action), exitCode, mask(tail),
                mask(host + ": phase " + phase.title() + ", step " + step + ": " + message
                        + (tail.isBlank() ? "" : "\n" + tail)));
    }

    private String mask(String s) {
        return run.masker().mask(s);
    }
}
