package dev.provisioner.api;

import dev.provisioner.inventory.Host;
import dev.provisioner.operation.Operation;
import dev.provisioner.ops.check.CheckReport;
import dev.provisioner.ops.check.HealthCheck;
import dev.provisioner.ops.check.ProbeResult;
import dev.provisioner.ops.etcd.EtcdMembership;
import dev.provisioner.ops.etcd.EtcdRestore;
import dev.provisioner.ops.etcd.EtcdSnapshots;
import dev.provisioner.ops.etcd.MemberRemoval;
import dev.provisioner.ops.etcd.RestoreResult;
import dev.provisioner.ops.etcd.ScheduledSnapshots;
import dev.provisioner.ops.etcd.SnapshotResult;
import dev.provisioner.ops.removal.NodeRemoval;
import dev.provisioner.ops.removal.RemovalReport;
import dev.provisioner.ops.removal.RemovalStep;
import dev.provisioner.ops.reset.HostReset;
import dev.provisioner.ops.reset.HostResetResult;
import dev.provisioner.ops.reset.ResetReport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The facade's day-2 operations: each runs in its own {@link Operation} (events, masker, lock when it
 * changes hosts) and comes back as an {@link OperationReport}; what was thrown becomes the report's
 * {@link FailureKind} by its type.
 */
final class DayTwo {
    private DayTwo() {
    }

    static OperationReport check(Operation op, HealthCheck check) {
        return run(op, o -> {
            CheckReport r = check.run(o);
            return report(o, r.results().stream().map(DayTwo::outcome).toList(),
                    r.ok() ? "every probe passed" : r.failures().size() + " probe(s) failed");
        });
    }

    static OperationReport removeNode(Operation op, String host, boolean force) {
        return run(op, o -> {
            RemovalReport r = NodeRemoval.of(o).remove(host, force);
            return report(o, r.steps().stream().map(s -> outcome(host, s)).toList(),
                    r.ok() ? host + " removed" : "removing " + host + " stopped");
        });
    }

    static OperationReport reset(Operation op, List<Host> hosts) {
        return run(op, o -> {
            ResetReport r = new HostReset(o).run(hosts); // each host's result is heard as it finishes
            return new OperationReport(o.name(), r.hosts().stream().map(DayTwo::outcome).toList(), Optional.empty(),
                    o.masker().mask(r.ok() ? "every host was reset" : r.failed().size() + " host(s) not reset"), Duration.ZERO);
        });
    }

    static OperationReport etcdSnapshot(Operation op, Path outDir, Path stateDirectory) {
        return run(op, o -> {
            SnapshotResult r = EtcdSnapshots.of(o).save(outDir, stateDirectory);
            return report(o, List.of(HostOutcome.of(r.takenOn(), "snapshot", StepStatus.CHANGED, r.directory().toString())),
                    "snapshot saved to " + r.directory());
        });
    }

    static OperationReport etcdFetchScheduledSnapshot(Operation op, Path output) {
        return run(op, o -> {
            ScheduledSnapshots.Fetched f = ScheduledSnapshots.of(o).fetchNewest(output);
            return report(o, List.of(HostOutcome.of(f.member(), "snapshot", StepStatus.CHANGED, f.file() + " sha256 " + f.sha256())),
                    "scheduled snapshot " + f.name() + " fetched to " + f.file() + " (sha256 " + f.sha256() + " verified)");
        });
    }

    static OperationReport etcdRestore(Operation op, Path snapshot) {
        return run(op, o -> {
            RestoreResult r = EtcdRestore.of(o).restore(snapshot);
            return report(o, r.members().stream().map(m -> HostOutcome.of(m, "restore", StepStatus.CHANGED,
                    "restored; old data in " + r.asideDir())).toList(), "etcd restored from " + snapshot);
        });
    }

    static OperationReport etcdMemberRemove(Operation op, String member, boolean force) {
        return run(op, o -> {
            MemberRemoval r = EtcdMembership.of(o).remove(member, force);
            return report(o, List.of(HostOutcome.of(r.askedHost(), "member " + member,
                    r.removed() ? StepStatus.CHANGED : StepStatus.UNCHANGED, r.message())), r.message());
        });
    }

    /**
     * The check's probes as the api's {@link HealthReport}; the same events as {@link #check}. What the
     * check throws (it never throws for an unhealthy or unreachable host) ends the operation and is rethrown.
     */
    static HealthReport health(Operation op, HealthCheck check) {
        started(op);
        try {
            CheckReport r = check.run(op);
            HealthReport h = new HealthReport(r.results().stream()
                    .map(p -> new ProbeOutcome(p.probe(), p.host(), ProbeStatus.valueOf(p.status().name()), p.detail())).toList(),
                    r.duration());
            r.results().forEach(p -> op.hostFinished(p.host(), p.status() != dev.provisioner.ops.check.ProbeStatus.FAILED,
                    p.probe() + ": " + p.detail()));
            op.finished(h.ok(), op.masker().mask(h.ok() ? "every probe passed" : h.failures().size() + " probe(s) failed"));
            return h;
        } catch (RuntimeException e) {
            op.finished(false, op.masker().mask(String.valueOf(e.getMessage())));
            throw e;
        }
    }

    private static void started(Operation op) {
        op.started(op.name() + " on " + op.inventory().hosts().stream().map(Host::name).toList());
    }

    private static OperationReport run(Operation op, Function<Operation, OperationReport> work) {
        long start = System.nanoTime();
        started(op);
        OperationReport r;
        try {
            r = work.apply(op);
        } catch (RuntimeException e) {
            r = new OperationReport(op.name(), List.of(), Optional.of(Failures.kindOf(e)),
                    op.masker().mask(String.valueOf(e.getMessage())), Duration.ofNanos(System.nanoTime() - start));
        }
        r = new OperationReport(r.operation(), r.outcomes(), r.failure(), r.summary(), Duration.ofNanos(System.nanoTime() - start));
        op.finished(r.ok(), r.summary());
        return r;
    }

    private static OperationReport report(Operation op, List<HostOutcome> outcomes, String summary) {
        outcomes.forEach(o -> op.hostFinished(o.host(), o.status() != StepStatus.FAILED, o.item() + ": " + o.detail()));
        return new OperationReport(op.name(), outcomes, Optional.empty(), op.masker().mask(summary), Duration.ZERO);
    }

    private static HostOutcome outcome(ProbeResult r) {
        return switch (r.status()) {
            case OK -> HostOutcome.of(r.host(), r.probe(), StepStatus.UNCHANGED, r.detail());
            case FAILED -> new HostOutcome(r.host(), r.probe(), StepStatus.FAILED, Optional.of(r.probe().equals(HealthCheck.CONNECT)
                    ? FailureKind.UNREACHABLE : FailureKind.STEP_FAILED), r.detail());
            case NOT_INSTALLED -> new HostOutcome(r.host(), r.probe(), StepStatus.SKIPPED, Optional.empty(), "not installed: " + r.detail());
            default -> HostOutcome.of(r.host(), r.probe(), StepStatus.SKIPPED, r.detail());
        };
    }

    private static HostOutcome outcome(HostResetResult r) {
        if (r.ok()) {
            return HostOutcome.of(r.host(), "reset", StepStatus.CHANGED, String.join("\n", r.removed()));
        }
        FailureKind kind = r.locked() ? FailureKind.LOCKED : r.unreachable() ? FailureKind.UNREACHABLE : FailureKind.STEP_FAILED;
        // why first; then what was taken away before it stopped, one line each
        String removed = r.removed().isEmpty() ? "" : "\n" + String.join("\n", r.removed());
        return new HostOutcome(r.host(), "reset", StepStatus.FAILED, Optional.of(kind), r.error() + removed);
    }

    private static HostOutcome outcome(String host, RemovalStep s) {
        StepStatus status = switch (s.status()) {
            case DONE -> StepStatus.CHANGED;
            case SKIPPED -> StepStatus.SKIPPED;
            case FAILED -> StepStatus.FAILED;
        };
        return HostOutcome.of(host, s.stage(), status, s.detail());
    }
}
