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

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hooks around each batch of a rollout (a rolling upgrade's drain and uncordon), over {@link FakeConnection}s
 * (the contract does not depend on SSH; {@code UpgradeDrainLabTest} proves it on real hosts through the CLI).
 */
class RolloutHooksTest {
    private final Inventory inv = Inventory.builder().clusterName("hooks")
            .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
            .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
            .host("node02", h -> h.address("10.4.4.6").roles(Role.NODE).keyFile(EngineFixtures.KEY))
            .host("node03", h -> h.address("10.4.4.7").roles(Role.NODE).keyFile(EngineFixtures.KEY))
            .set("cluster.registry.enabled", false)
            .build();
    private final Map<String, FakeConnection> hosts = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();

    private RunOutcome run(Mode mode, Rollout rollout, String refuseDrainOf) {
        ExecObserver observer = new ExecObserver() {
            @Override
            public void hostStarted(String phase, String host) {
                order.add("work " + host);
            }
        };
        RolloutHooks hooks = new RolloutHooks() {
            @Override
            public List<HookResult> before(String host, List<String> phases) {
                order.add("drain " + host);
                return List.of(host.equals(refuseDrainOf) ? HookResult.failed("drain", "kubectl drain", "PDB says no")
                        : HookResult.done("drain", "drained " + host));
            }

            @Override
            public List<HookResult> after(String host, List<String> phases) {
                order.add("uncordon " + host);
                return List.of(HookResult.done("uncordon", "uncordoned " + host));
            }
        };
        Plan plan = Plan.of(Phase.of("kube-node", HostSelector.roles(Role.NODE), StubSteps.command("upgrade", "true"))
                .withRollout(rollout));
        return new Executor(new ExecSettings(mode, 10, Set.of()), h -> hosts.computeIfAbsent(h.name(), FakeConnection::new),
                observer, new SecretMasker()).withRolloutHooks(hooks).run(plan, inv, TemplateRenderer.builtIn());
    }

    @Test
    void eachBatchIsDrainedBeforeItsWorkAndUncordonedAfterIt() {
        RunOutcome out = run(Mode.APPLY, Rollout.batches(2), "");
        assertThat(out.failures()).isEmpty();
        assertThat(order.subList(0, 2)).containsExactly("drain node01", "drain node02");
        assertThat(order.subList(2, 4)).containsExactlyInAnyOrder("work node01", "work node02");
        assertThat(order.subList(4, order.size())).containsExactly("uncordon node01", "uncordon node02", "drain node03",
                "work node03", "uncordon node03");
        assertThat(out.steps().stream().filter(r -> r.host().equals("node01")).map(StepRecord::step).toList())
                .containsExactly("drain", "upgrade", "uncordon");
    }

    @Test
    void aRefusedDrainStopsTheRolloutBeforeThatBatchIsTouched() {
        RunOutcome out = run(Mode.APPLY, Rollout.SERIAL, "node02");
        assertThat(order).containsExactly("drain node01", "work node01", "uncordon node01", "drain node02");
        assertThat(out.failures()).singleElement().satisfies(f -> {
            assertThat(f.host()).isEqualTo("node02");
            assertThat(f.step()).isEqualTo("drain");
            assertThat(f.message()).contains("PDB says no");
        });
        assertThat(out.steps().stream().filter(r -> r.host().equals("node03")).map(StepRecord::status).toList())
                .containsOnly(StepStatus.SKIPPED);
    }

    @Test
    void noHooksInPlanModeOrWithoutARollout() {
        run(Mode.PLAN, Rollout.SERIAL, "");
        run(Mode.APPLY, Rollout.ALL_AT_ONCE, "");
        assertThat(order).noneMatch(s -> s.startsWith("drain") || s.startsWith("uncordon"));
    }
}
