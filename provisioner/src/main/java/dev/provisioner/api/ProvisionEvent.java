package dev.provisioner.api;

import java.time.Duration;
import java.util.List;

/**
 * What a run reports while it works, in order per host. Texts are already masked: no secret
 * registered with the run ever appears in an event.
 *
 * @since 0.1
 */
public sealed interface ProvisionEvent {

    /** A plan or apply run begins; {@code hosts} are the hosts it will work on. */
    record RunStarted(RunMode mode, List<String> phases, List<String> hosts) implements ProvisionEvent {
        public RunStarted {
            phases = List.copyOf(phases);
            hosts = List.copyOf(hosts);
        }
    }

    record RunFinished(RunMode mode, boolean ok, Duration duration) implements ProvisionEvent { }

    record PhaseStarted(String phase, List<String> hosts) implements ProvisionEvent {
        public PhaseStarted {
            hosts = List.copyOf(hosts);
        }
    }

    record PhaseFinished(String phase, boolean ok, Duration duration) implements ProvisionEvent { }

    record HostStarted(String phase, String host) implements ProvisionEvent { }

    record HostFinished(String phase, String host, boolean ok, Duration duration) implements ProvisionEvent { }

    record StepStarted(String phase, String host, String step) implements ProvisionEvent { }

    /** A step's outcome: unchanged with its reason, changed, failed or skipped. */
    record StepFinished(StepReport report) implements ProvisionEvent { }

    /** An action that will run (apply) or would run (plan), with its file diff if any. */
    record ActionEvent(String phase, String host, String step, ActionReport action) implements ProvisionEvent { }

    /** A line a command printed on a host. */
    record OutputLine(String host, boolean stderr, String line) implements ProvisionEvent { }

    /** Any operation (check, run, reset, upgrade, remove-node, etcd ...) begins; {@code detail} says on what. */
    record OperationStarted(String operation, String detail) implements ProvisionEvent { }

    /** One host's result in an operation; {@code detail} may span lines (a command's output). */
    record OperationHostFinished(String operation, String host, boolean ok, String detail) implements ProvisionEvent { }

    /** An operation ends. */
    record OperationFinished(String operation, boolean ok, String summary, Duration duration) implements ProvisionEvent { }
}
