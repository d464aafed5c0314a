package dev.provisioner.engine;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Plan;
import dev.provisioner.step.Rollout;
import dev.provisioner.template.TemplateRenderer;
import dev.provisioner.testsupport.EngineFixtures;
import dev.provisioner.transport.SecretMasker;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rollouts in batches, over {@link FakeConnection}s (see there why a fake: the batching contract does not
 * depend on SSH; {@code DayTwoLabTest} proves a stopped rollout on real hosts).
 */
class RolloutExecutorTest {
    private static final Path KEY = EngineFixtures.KEY;
    private final Inventory inv = Inventory.builder().clusterName("roll")
            .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(KEY))
            .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(KEY))
            .host("node02", h -> h.address("10.4.4.6").roles(Role.NODE).keyFile(KEY))
            .host("node03", h -> h.address("10.4.4.7").roles(Role.NODE).keyFile(KEY))
            .host("node04", h -> h.address("10.4.4.9").roles(Role.NODE).keyFile(KEY))
            .host("node05", h -> h.address("10.4.4.10").roles(Role.NODE).keyFile(KEY))
            .set("cluster.registry.enabled", false)
            .build();
    private final Map<String, FakeConnection> hosts = new ConcurrentHashMap<>();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();

    private FakeConnection fake(String name) {
        return hosts.computeIfAbsent(name, n -> {
            FakeConnection f = new FakeConnection(n);
            f.running = running;
            f.maxRunning = maxRunning;
            f.scriptDelay = Duration.ofMillis(400);
            return f;
        });
    }

    private RunOutcome run(Plan plan) {
        ExecObserver observer = new ExecObserver() {
            @Override
            public void hostStarted(String phase, String host) {
                started.add(host);
            }
        };
        return new Executor(new ExecSettings(Mode.APPLY, 10, Set.of()), h -> fake(h.name()), observer, new SecretMasker())
                .run(plan, inv, TemplateRenderer.builtIn());
    }

    private static Plan nodes(Rollout rollout) {
        return Plan.of(Phase.of("kube-node", HostSelector.roles(Role.NODE), StubSteps.command("upgrade", "true")).withRollout(rollout),
                Phase.of("after", HostSelector.roles(Role.MASTER), StubSteps.command("verify", "true")));
    }

    @Test
    void batchesSplitInOrderAndTheLastOneMayBeShort() {
        assertThat(Rollout.batches(2).split(List.of(1, 2, 3, 4, 5))).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
        assertThat(Rollout.SERIAL.split(List.of("a", "b"))).containsExactly(List.of("a"), List.of("b"));
        assertThat(Rollout.ALL_AT_ONCE.split(List.of(1, 2, 3))).containsExactly(List.of(1, 2, 3));
        assertThat(Rollout.batches(3).split(List.of())).isEmpty();
        assertThatThrownBy(() -> Rollout.batches(0)).hasMessageContaining("maxUnavailable must be at least 1, got 0");
    }

    @Test
    void aGroupRollsWithTheSmallestBatchOfItsPhases() {
        Phase a = Phase.of("a", HostSelector.roles(Role.NODE)).withRollout(Rollout.batches(3)).withoutBarrier();
        Phase b = Phase.of("b", HostSelector.roles(Role.NODE)).withRollout(Rollout.batches(2));
        Phase c = Phase.of("c", HostSelector.roles(Role.NODE));
        assertThat(PhaseGroupRunner.rollout(List.of(a, b)).batchSize()).isEqualTo(2);
        assertThat(PhaseGroupRunner.rollout(List.of(c)).rolling()).isFalse();
        assertThat(a.withParallelism(4).rollout()).isEqualTo(Rollout.batches(3));
    }

    @Test
    void batchesNeverOverlapAndAllHostsRunWhenNoneFails() {
        RunOutcome out = run(nodes(Rollout.batches(2)));
        assertThat(out.failures()).isEmpty();
        assertThat(maxRunning.get()).as("never more than one batch at once").isBetween(1, 2);
        assertThat(started.subList(0, 2)).containsExactlyInAnyOrder("node01", "node02");
        assertThat(started.subList(2, 4)).containsExactlyInAnyOrder("node03", "node04");
        assertThat(started.get(4)).isEqualTo("node05");
        assertThat(out.steps()).filteredOn(r -> r.status() == StepStatus.CHANGED).hasSize(6);
    }

    @Test
    void withoutARolloutAllHostsRunAtOnce() {
        run(nodes(Rollout.ALL_AT_ONCE));
        assertThat(maxRunning.get()).as("more than a batch of 2 at once").isGreaterThan(2);
    }

    @Test
    void aFailedBatchStopsTheRolloutAndTheReportSaysWhereAndWhatIsLeft() {
        fake("node03").failAt = 1; // 0 is the manifest record
        RunOutcome out = run(nodes(Rollout.batches(2)));
        assertThat(out.failures()).singleElement().satisfies(f -> {
            assertThat(f.host()).isEqualTo("node03");
            assertThat(f.step()).isEqualTo("upgrade");
        });
        // node04 (same batch as node03) finished; node05 never started.
        assertThat(started).contains("node04").doesNotContain("node05");
        assertThat(fake("node05").commands).extracting(c -> c.display()).allMatch(d -> !d.startsWith("apply phase"));
        StepRecord skipped = out.steps().stream().filter(r -> r.host().equals("node05")).findFirst().orElseThrow();
        assertThat(skipped.status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(skipped.reason()).isEqualTo("not run: rollout stopped after batch 2 of 3 (node03, node04) failed on node03"
                + " in phase kube-node, step upgrade; not rolled out: node05");
        // The next phase does not run either.
        assertThat(out.steps()).filteredOn(r -> r.phase().equals("after")).allMatch(r -> r.status() == StepStatus.SKIPPED);
    }
}
