package dev.provisioner.engine;

import dev.provisioner.transport.OutputListener;

import java.time.Duration;
import java.util.List;

/**
 * Receives the engine's progress. Called from worker threads, possibly concurrently; the api layer
 * turns these calls into typed events and serialises delivery.
 */
public interface ExecObserver {
    ExecObserver NONE = new ExecObserver() { };

    default void runStarted(Mode mode, List<String> phases, List<String> hosts) { }

    default void runFinished(Mode mode, boolean ok, Duration duration) { }

    default void phaseStarted(String phase, List<String> hosts) { }

    default void phaseFinished(String phase, boolean ok, Duration duration) { }

    default void hostStarted(String phase, String host) { }

    default void hostFinished(String phase, String host, boolean ok, Duration duration) { }

    default void stepStarted(String phase, String host, String step) { }

    default void stepFinished(StepRecord record) { }

    /** An action that will run (apply) or would run (plan); description and diff are masked. */
    default void action(String phase, String host, String step, ActionRecord action) { }

    /** A line printed by a command on a host (masked; engine markers removed). */
    default void output(String host, OutputListener.Stream stream, String line) { }
}
