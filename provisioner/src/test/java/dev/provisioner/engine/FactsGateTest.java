package dev.provisioner.engine;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.inventory.Host;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Facts gates alone and chained: the first refusal wins under its own step; queries are gathered. */
class FactsGateTest {
    private static FactsGate gate(String step, String refusal, String unit) {
        return new FactsGate() {
            @Override
            public Optional<String> refusal(String host, HostFacts facts) {
                return Optional.ofNullable(refusal).map(r -> host + ": " + r);
            }

            @Override
            public FactsQuery query(Host host) {
                return FactsQuery.units(unit);
            }

            @Override
            public String step() {
                return step;
            }
        };
    }

    private static HostFacts facts() {
        return EngineFixtures.debian("node01").build();
    }

    @Test
    void aGateByDefaultAsksNothingAndReportsUnderTheSavedPlanStep() {
        FactsGate g = (host, facts) -> Optional.of("changed");
        Host h = EngineFixtures.inventory().host("node01").orElseThrow();
        assertThat(g.query(h)).isEqualTo(FactsQuery.EMPTY);
        assertThat(g.step()).isEqualTo(FactsGate.Refused.STEP).isEqualTo("saved-plan");
        assertThat(new FactsGate.Refused("m").step()).isEqualTo("saved-plan");
        assertThat(new FactsGate.Refused("other", "m").step()).isEqualTo("other");
        assertThat(FactsGate.NONE.refusal("node01", facts())).isEmpty();
    }

    @Test
    void theFirstGatesRefusalIsThrownUnderItsStep() {
        FactsGate both = gate("first", "no", "a.service").and(gate("second", "never", "b.service"));
        assertThatThrownBy(() -> both.refusal("node01", facts())).isInstanceOfSatisfying(FactsGate.Refused.class, r -> {
            assertThat(r.step()).isEqualTo("first");
            assertThat(r.getMessage()).isEqualTo("node01: no");
        });
    }

    @Test
    void withoutAFirstRefusalTheSecondGateDecides() {
        Host h = EngineFixtures.inventory().host("node01").orElseThrow();
        FactsGate refusing = gate("first", null, "a.service").and(gate("second", "never", "b.service"));
        FactsGate passing = gate("first", null, "a.service").and(gate("second", null, "b.service"));

        assertThat(refusing.refusal("node01", facts())).contains("node01: never");
        assertThat(refusing.step()).isEqualTo("second");
        assertThat(passing.refusal("node01", facts())).isEmpty();
        assertThat(refusing.query(h).units()).isEqualTo(Set.of("a.service", "b.service"));
    }
}
