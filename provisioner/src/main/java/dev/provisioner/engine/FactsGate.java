package dev.provisioner.engine;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.inventory.Host;

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

    /** What this gate needs to know about {@code host} beyond what the steps ask: joins the host's one facts script. */
    default FactsQuery query(Host host) {
        return FactsQuery.EMPTY;
    }

    /**
     * {@link #query(Host)}, knowing what this run's steps ask about {@code host} ({@code planned}: the union of their
     * queries), for a gate whose query depends on what the run manages there.
     */
    default FactsQuery query(Host host, FactsQuery planned) {
        return query(host);
    }

    /** The preflight step a refusal of this gate is reported under. */
    default String step() {
        return Refused.STEP;
    }

    /** This gate, then {@code next}: the first refusal wins; both gates' queries are gathered. */
    default FactsGate and(FactsGate next) {
        FactsGate first = this;
        return new FactsGate() {
            @Override
            public Optional<String> refusal(String host, HostFacts facts) {
                Optional<String> r = first.refusal(host, facts);
                if (r.isPresent()) {
                    throw new Refused(first.step(), r.get());
                }
                return next.refusal(host, facts);
            }

            @Override
            public FactsQuery query(Host host) {
                return first.query(host).and(next.query(host));
            }

            @Override
            public FactsQuery query(Host host, FactsQuery planned) {
                return first.query(host, planned).and(next.query(host, planned));
            }

            @Override
            public String step() {
                return next.step();
            }
        };
    }

    /** A refusal, as the preflight reports it (step {@value #STEP} unless the gate names another). */
    final class Refused extends RuntimeException {
        public static final String STEP = "saved-plan";
        private final String step;

        public Refused(String message) {
            this(STEP, message);
        }

        public Refused(String step, String message) {
            super(message);
            this.step = step;
        }

        /** The preflight step it is reported under. */
        public String step() {
            return step;
        }
    }
}
