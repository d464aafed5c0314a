package dev.provisioner.engine;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Plan;
import dev.provisioner.step.Rollout;
import dev.provisioner.template.TemplateRenderer;
import dev.provisioner.testsupport.EngineFixtures;
import dev.provisioner.transport.SecretMasker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling group through {@link PhaseGroupRunner} and {@link BatchHooks}: the health check after a host's batch,
 * phase events, the hooks' records and which hosts the hooks see, over {@link FakeConnection}s.
 */
class RolloutBatchTest {
    private static final DesiredFile CONF = DesiredFile.text("/etc/app/app.conf", "v: 2\n");
    private final Inventory inv = Inventory.builder().clusterName("roll")
            .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
            .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
            .host("node02", h -> h.address("10.4.4.6").roles(Role.NODE).keyFile(EngineFixtures.KEY))
            .set("cluster.registry.enabled", false)
            .build();
    private final Map<String, FakeConnection> hosts = new ConcurrentHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<StepRecord> finished = new CopyOnWriteArrayList<>();
    private final SecretMasker masker = new SecretMasker();

    private final ExecObserver observer = new ExecObserver() {
        @Override
        public void phaseStarted(String phase, List<String> hosts) {
            events.add("phase started " + phase + " " + hosts);
        }

        @Override
        public void phaseFinished(String phase, boolean ok, Duration duration) {
            events.add("phase finished " + phase + " ok=" + ok);
            assertThat(duration).isBetween(Duration.ZERO, Duration.ofSeconds(30));
        }

        @Override
        public void stepFinished(StepRecord record) {
            finished.add(record);
        }
    };

    private FakeConnection fake(String name) {
        return hosts.computeIfAbsent(name, FakeConnection::new);
    }

    private static Phase restarting(Rollout rollout) {
        return Phase.of("app", HostSelector.roles(Role.NODE), StubSteps.file("app-config", CONF),
                StubSteps.service("app-service", "app.service", CONF.path())).withRollout(rollout);
    }

    private RunOutcome run(Mode mode, RolloutHooks hooks, Phase... phases) {
        return new Executor(new ExecSettings(mode, 10, Set.of()), h -> fake(h.name()), observer, masker)
                .withRolloutHooks(hooks).run(Plan.of(phases), inv, TemplateRenderer.builtIn());
    }

    private static List<String> steps(RunOutcome out, String host) {
        return out.steps().stream().filter(r -> r.host().equals(host)).map(r -> r.step() + "=" + r.status()).toList();
    }

    @Test
    void aRollingHostsRestartedUnitsAreCheckedAfterItsBatch() {
        RunOutcome out = run(Mode.APPLY, RolloutHooks.NONE, restarting(Rollout.SERIAL));

        assertThat(out.failures()).isEmpty();
        assertThat(steps(out, "node01")).containsExactly("app-config=CHANGED", "app-service=CHANGED", "batch-health=UNCHANGED");
        StepRecord health = out.steps().stream().filter(r -> r.step().equals(BatchHealth.STEP) && r.host().equals("node02"))
                .findFirst().orElseThrow();
        assertThat(health.reason()).isEqualTo("active after the batch: app.service");
        assertThat(health.phase()).isEqualTo("app");
        assertThat(health.duration()).isBetween(Duration.ZERO, Duration.ofSeconds(30));
        assertThat(finished).contains(health);
        assertThat(fake("node01").commands).extracting(c -> c.display()).contains("check app.service active");
        assertThat(events).containsExactly("phase started app [node01, node02]", "phase finished app ok=true");
    }

    @Test
    void aFailedCheckFailsTheHostMaskedAndStopsTheRollout() {
        masker.register("s3cret");
        fake("node01").checkFailure = "app.service failed after the restart: token s3cret";
        RunOutcome out = run(Mode.APPLY, RolloutHooks.NONE, restarting(Rollout.SERIAL));

        assertThat(out.failures()).singleElement().satisfies(f -> {
            assertThat(f.host()).isEqualTo("node01");
            assertThat(f.step()).isEqualTo(BatchHealth.STEP);
            assertThat(f.message()).isEqualTo("node01: phase app, step batch-health: app.service failed after the restart: token "
                    + SecretMasker.MASK);
            assertThat(f.stderrTail()).doesNotContain("s3cret");
        });
        assertThat(steps(out, "node02")).containsExactly("app-config=SKIPPED", "app-service=SKIPPED");
        assertThat(finished).filteredOn(r -> r.host().equals("node02")).extracting(StepRecord::status)
                .containsExactly(StepStatus.SKIPPED, StepStatus.SKIPPED);
        assertThat(finished).filteredOn(r -> r.step().equals(BatchHealth.STEP)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(StepStatus.FAILED));
        assertThat(events).contains("phase finished app ok=false");
    }

    @Test
    void noCheckWithoutARollingApplyThatTouchedAUnit() {
        assertThat(run(Mode.APPLY, RolloutHooks.NONE, restarting(Rollout.ALL_AT_ONCE)).steps())
                .noneMatch(r -> r.step().equals(BatchHealth.STEP));
        assertThat(run(Mode.PLAN, RolloutHooks.NONE, restarting(Rollout.SERIAL)).steps())
                .noneMatch(r -> r.step().equals(BatchHealth.STEP));
        assertThat(run(Mode.APPLY, RolloutHooks.NONE, Phase.of("cmd", HostSelector.roles(Role.NODE),
                StubSteps.command("say", "true")).withRollout(Rollout.SERIAL)).steps())
                .noneMatch(r -> r.step().equals(BatchHealth.STEP));
        assertThat(hosts.values()).allSatisfy(f -> assertThat(f.commands).noneMatch(c -> c.display().startsWith("check ")));
    }

    @Test
    void aHostThatFailedIsNotCheckedNorHookedAfter() {
        fake("node01").failAt = 1;
        List<String> after = new CopyOnWriteArrayList<>();
        RolloutHooks hooks = new RolloutHooks() {
            @Override
            public List<HookResult> after(String host, List<String> phases) {
                after.add(host);
                return List.of(HookResult.done("uncordon", "uncordoned"));
            }
        };
        RunOutcome out = run(Mode.APPLY, hooks, restarting(Rollout.batches(2)));

        assertThat(after).containsExactly("node02");
        assertThat(steps(out, "node01")).doesNotContain("batch-health=UNCHANGED", "uncordon=CHANGED");
        assertThat(steps(out, "node02")).endsWith("batch-health=UNCHANGED", "uncordon=CHANGED");
    }

    @Test
    void hooksSeeOnlyTheHostsOwnPhasesAndTheirResultsBecomeRecords() {
        List<String> seen = new CopyOnWriteArrayList<>();
        RolloutHooks hooks = new RolloutHooks() {
            @Override
            public List<HookResult> before(String host, List<String> phases) {
                seen.add(host + " " + phases);
                return List.of(HookResult.skipped("drain", "no API"));
            }

            @Override
            public List<HookResult> after(String host, List<String> phases) {
                return List.of(HookResult.done("uncordon", "uncordoned " + host));
            }
        };
        Phase nodes = Phase.of("nodes", HostSelector.roles(Role.NODE), StubSteps.command("n", "true"))
                .withRollout(Rollout.SERIAL).withoutBarrier();
        Phase all = Phase.of("all", HostSelector.all(), StubSteps.command("a", "true"));
        RunOutcome out = run(Mode.APPLY, hooks, nodes, all);

        // Batches follow the group's hosts in phase order.
        assertThat(seen).containsExactly("node01 [nodes, all]", "node02 [nodes, all]", "master [all]");
        assertThat(out.steps()).filteredOn(r -> r.host().equals("master")).extracting(r -> r.phase() + "/" + r.step() + "=" + r.status())
                .containsExactly("all/drain=UNCHANGED", "all/a=CHANGED", "all/uncordon=CHANGED");
        assertThat(finished).filteredOn(r -> r.step().equals("drain")).hasSize(3);
        assertThat(finished).filteredOn(r -> r.step().equals("uncordon")).extracting(StepRecord::reason)
                .containsExactly("uncordoned node01", "uncordoned node02", "uncordoned master");
    }

    @Test
    void aHookThatThrowsFailsTheHostUnderItsSide() {
        RolloutHooks hooks = new RolloutHooks() {
            @Override
            public List<HookResult> before(String host, List<String> phases) {
                throw new IllegalStateException("kubectl: connection refused");
            }
        };
        RunOutcome out = run(Mode.APPLY, hooks, restarting(Rollout.SERIAL));

        assertThat(out.failures()).first().satisfies(f -> {
            assertThat(f.host()).isEqualTo("node01");
            assertThat(f.step()).isEqualTo("before-batch");
            assertThat(f.action()).isEqualTo("run the rollout hook");
            assertThat(f.message()).isEqualTo("node01: phase app, step before-batch: kubectl: connection refused");
        });
        assertThat(hosts.values()).allSatisfy(f -> assertThat(f.scripts()).isEmpty());
    }
}
