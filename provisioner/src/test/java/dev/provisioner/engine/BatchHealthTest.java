package dev.provisioner.engine;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.inventory.Host;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The health check between batches: what it runs on a host and how its answer becomes a failure. */
class BatchHealthTest {
    private static HostSession session(ScriptedConnection c) {
        Host host = EngineFixtures.inventory().host("node01").orElseThrow();
        return new HostSession(host, h -> c, FactsQuery.EMPTY, Optional.empty());
    }

    @Test
    void noUnitsNothingRuns() {
        ScriptedConnection c = new ScriptedConnection(cmd -> ScriptedConnection.result(1, "", "x"));
        assertThat(BatchHealth.check(session(c), "p", Set.of())).isEmpty();
        assertThat(c.commands).isEmpty();
    }

    @Test
    void everyUnitActiveIsNoFailure() {
        ScriptedConnection c = new ScriptedConnection(cmd -> ScriptedConnection.result(0, "", ""));
        assertThat(BatchHealth.check(session(c), "p", Set.of("b.service", "a.service"))).isEmpty();
        assertThat(c.commands).singleElement().satisfies(cmd -> {
            assertThat(cmd.display()).isEqualTo("check a.service, b.service active");
            assertThat(cmd.root()).isTrue();
            assertThat(cmd.timeout()).isEqualTo(BatchHealth.TIMEOUT.plusSeconds(30));
            assertThat(cmd.line()).contains("for u in a.service b.service; do");
        });
    }

    @Test
    void aUnitNotActiveFailsTheHostWithTheTail() {
        ScriptedConnection c = new ScriptedConnection(cmd -> ScriptedConnection.result(1, "", "not active after restart: a.service\n"));
        Failure f = BatchHealth.check(session(c), "workers", Set.of("a.service")).orElseThrow();
        assertThat(f.host()).isEqualTo("node01");
        assertThat(f.phase()).isEqualTo("workers");
        assertThat(f.step()).isEqualTo(BatchHealth.STEP);
        assertThat(f.action()).isEqualTo("check a.service active");
        assertThat(f.exitCode()).isEqualTo(1);
        assertThat(f.message()).isEqualTo("node01: phase workers, step batch-health: not active after restart: a.service");
        assertThat(f.cause()).isNull();
    }

    @Test
    void aTransportErrorFailsTheHostWithItsCause() {
        IllegalStateException boom = new IllegalStateException("connection reset");
        ScriptedConnection c = new ScriptedConnection(cmd -> {
            throw boom;
        });
        Failure f = BatchHealth.check(session(c), "workers", Set.of("a.service")).orElseThrow();
        assertThat(f.exitCode()).isEqualTo(-1);
        assertThat(f.message()).isEqualTo("node01: phase workers, step batch-health: connection reset");
        assertThat(f.cause()).isSameAs(boom);
    }

    @Test
    void theScriptPollsUntilSteadyOrTheDeadline() {
        String s = BatchHealth.script(Set.of("x.service"), Duration.ofSeconds(9));
        assertThat(s).startsWith("deadline=$(( $(date +%s) + 9 ))\n")
                .contains("[ \"$steady\" -ge " + BatchHealth.STEADY_POLLS + " ] && exit 0")
                .contains("sleep " + BatchHealth.POLL_SECONDS + "\n");
        assertThat(BatchHealth.script(Set.of("x.service"), Duration.ZERO)).startsWith("deadline=$(( $(date +%s) + 1 ))\n");
        assertThat(List.of(s.split("\n"))).last().isEqualTo("done");
    }
}
