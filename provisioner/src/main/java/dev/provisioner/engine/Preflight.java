package dev.provisioner.engine;

import dev.provisioner.operation.RunLock;
import dev.provisioner.operation.RunLockedException;

import dev.provisioner.inventory.Host;
import dev.provisioner.step.Phase;
import dev.provisioner.transport.SudoException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Before any change: every host of the run connected and its facts gathered, in parallel (bounded).
 * The facts are the ones the phases use later (gathered once per run), so this costs no extra round
 * trip; in apply the same script takes the host's {@link RunLock}. Any host that fails here fails the
 * whole run before a single host is changed, named with the cause: {@code connect} (unreachable,
 * host key, authentication), {@code sudo}, {@code lock} (another run holds it) or {@code facts}.
 */
final class Preflight {
    /** What the preflight found: failures (one per failed host), their records, and whether it was interrupted. */
    record Result(List<StepRecord> records, List<Failure> failures, boolean interrupted) {
    }

    private final RunScope run;
    private final Map<String, HostSession> sessions;
    private final Map<Phase, List<Host>> targets;
    private final FactsGate gate;

    Preflight(RunScope run, Map<String, HostSession> sessions, Map<Phase, List<Host>> targets) {
        this(run, sessions, targets, FactsGate.NONE);
    }

    Preflight(RunScope run, Map<String, HostSession> sessions, Map<Phase, List<Host>> targets, FactsGate gate) {
        this.gate = gate;
        this.run = run;
        this.sessions = sessions;
        this.targets = targets;
    }

    Result run() {
        if (sessions.isEmpty()) {
            return new Result(List.of(), List.of(), false);
        }
        // Read-only (connect, lock, facts): an interrupt abandons the hosts at once; nothing was changed yet.
        List<Optional<Failure>> found = run.fanOut().mapReadOnly(List.copyOf(sessions.values()), s -> {
            try {
                gate.refusal(s.host().name(), s.facts()).ifPresent(why -> {
                    throw new FactsGate.Refused(gate.step(), why);
                });
                return Optional.<Failure>empty();
            } catch (RuntimeException e) {
                return Optional.of(failure(s, e));
            }
        }, s -> Optional.empty());
        List<StepRecord> records = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (Optional<Failure> o : found) {
            o.ifPresent(f -> {
                StepRecord r = new StepRecord(f.phase(), f.host(), f.step(), StepStatus.FAILED, f.message(),
                        Duration.ZERO, List.of(), Optional.of(f));
                run.observer().stepFinished(r);
                records.add(r);
                failures.add(f);
            });
        }
        return new Result(records, failures, Thread.interrupted() || run.fanOut().interrupted());
    }

    private Failure failure(HostSession session, Throwable cause) {
        String host = session.host().name();
        String step;
        if (cause instanceof RunLockedException) {
            step = "lock";
        } else if (cause instanceof FactsGate.Refused refused) {
            step = refused.step();
        } else if (cause instanceof SudoException) {
            step = "sudo";
        } else if (!session.connected()) {
            step = "connect";
        } else {
            step = "facts";
        }
        String phase = targets.entrySet().stream().filter(e -> e.getValue().contains(session.host()))
                .map(e -> e.getKey().title()).findFirst().orElse("");
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (message.startsWith(host + ": ")) {
            message = message.substring(host.length() + 2);
        }
        String action = switch (step) {
            case "connect" -> "connect";
            case "lock" -> "take the run lock";
            case "sudo" -> "run the facts script as root";
            case FactsGate.Refused.STEP -> "compare the facts with the saved plan";
            case "facts" -> "gather facts";
            default -> "pass the preflight checks";
        };
        return new Failure(host, phase, step, action, -1, "",
                run.masker().mask(host + ": phase " + phase + ", step " + step + ": " + message))
                .causedBy(step.equals("connect") ? Unreached.of(host, cause) : cause);
    }
}
