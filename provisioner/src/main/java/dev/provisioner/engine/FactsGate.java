package dev.provisioner.engine;

import dev.provisioner.facts.HostFacts;

import java.util.Optional;

/**
 * Looks at each host's facts in the preflight of a run, before any host is changed, and may refuse the
 * run: a saved plan applied only while every host is as it was when the plan was made. A refusal fails
 * the preflight like an unreachable host does, so no host is changed. Called from worker threads.
 */
@FunctionalInterface
public interface FactsGate {
    /** Lets every run go on. */
    FactsGate NONE = (host, facts) -> Optional.empty();

    /** Why the run must not go on because of {@code host}'s facts; empty to let it go on. */
    Optional<String> refusal(String host, HostFacts facts);

    /** A refusal, as the preflight reports it (step {@value #STEP}). */
    final class Refused extends RuntimeException {
        public static final String STEP = "saved-plan";

        public Refused(String message) {
            super(message);
        }
    }
}
