package dev.provisioner.operation;

import java.time.Duration;

/**
 * Hears what every operation does, whatever it is (apply, check, run, reset, upgrade, remove-node,
 * etcd snapshot/restore/member-remove): its start, each host's result, its end. This is the run-log
 * hook: the CLI writes these to the cluster's log; embedders forward them. Texts are masked. Called
 * from worker threads; {@link Operation} serialises the calls.
 */
public interface OperationListener {
    OperationListener NONE = new OperationListener() { };

    /** The operation begins; {@code detail} says on what (hosts, command, file). */
    default void started(String operation, String detail) { }

    /** One host's result; {@code detail} may span lines (a command's output). */
    default void hostFinished(String operation, String host, boolean ok, String detail) { }

    /** The operation ends; {@code summary} is one line. */
    default void finished(String operation, boolean ok, String summary, Duration duration) { }
}
