package dev.provisioner.api;

import dev.provisioner.engine.ActionRecord;
import dev.provisioner.engine.Failure;
import dev.provisioner.engine.HostCounters;
import dev.provisioner.engine.Mode;
import dev.provisioner.engine.RunOutcome;
import dev.provisioner.engine.StepRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts the engine's records into the public report types. */
final class Reports {
    private Reports() {
    }

    static RunMode mode(Mode m) {
        return m == Mode.PLAN ? RunMode.PLAN : RunMode.APPLY;
    }

    static ActionReport action(ActionRecord a) {
        return new ActionReport(a.kind(), a.description(), a.diff(), a.done());
    }

    static StepFailure failure(Failure f) {
        return new StepFailure(f.host(), f.phase(), f.step(), f.action(), f.exitCode(), f.stderrTail(), f.message(), f.incomplete());
    }

    /** The kind of an engine failure: from the type of what was thrown where it arose. */
    static FailureKind kind(Failure f) {
        if (f.incomplete()) {
            return FailureKind.MISSING_ARTIFACTS;
        }
        return f.cause() == null ? FailureKind.STEP_FAILED : Failures.kindOf(f.cause());
    }

    static StepReport step(StepRecord r) {
        return new StepReport(r.phase(), r.host(), r.step(), StepStatus.valueOf(r.statusName()), r.reason(), r.duration(),
                r.actions().stream().map(Reports::action).toList(), r.failure().map(Reports::failure));
    }

    static Counters counters(HostCounters c) {
        return new Counters(c.roundTrips(), c.bytesSent(), c.filesWritten(), c.unitsRestarted());
    }

    static ProvisionReport report(RunOutcome outcome, List<String> hostOrder) {
        Map<String, List<StepReport>> byHost = new LinkedHashMap<>();
        hostOrder.forEach(h -> byHost.put(h, new ArrayList<>()));
        outcome.steps().forEach(r -> byHost.computeIfAbsent(r.host(), k -> new ArrayList<>()).add(step(r)));
        List<HostReport> hosts = new ArrayList<>();
        byHost.forEach((h, steps) -> {
            if (!steps.isEmpty() || outcome.counters().containsKey(h)) {
                HostCounters c = outcome.counters().getOrDefault(h, HostCounters.ZERO);
                hosts.add(new HostReport(h, steps, counters(c)));
            }
        });
        return new ProvisionReport(mode(outcome.mode()), hosts, outcome.failures().stream().map(Reports::failure).toList(),
                outcome.duration(), outcome.failures().stream().map(Reports::kind).toList());
    }
}
