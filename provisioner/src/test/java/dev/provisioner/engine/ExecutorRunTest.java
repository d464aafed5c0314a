package dev.provisioner.engine;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Plan;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.step.RunCommand;
import dev.provisioner.template.TemplateRenderer;
import dev.provisioner.testsupport.EngineFixtures;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.UnreachableException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole run through {@link Executor} and its {@link Preflight}: run events, host limits, facts gates, preflight failures. */
class ExecutorRunTest {
    private final Inventory inv = EngineFixtures.inventory();
    private final Map<String, FakeConnection> hosts = new ConcurrentHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<StepRecord> finished = new CopyOnWriteArrayList<>();

    private final ExecObserver observer = new ExecObserver() {
        @Override
        public void runStarted(Mode mode, List<String> phases, List<String> hosts) {
            events.add("run started " + mode + " " + phases + " " + hosts);
        }

        @Override
        public void runFinished(Mode mode, boolean ok, Duration duration) {
            events.add("run finished " + mode + " ok=" + ok);
            assertThat(duration).isBetween(Duration.ZERO, Duration.ofSeconds(30));
        }

        @Override
        public void stepFinished(StepRecord record) {
            finished.add(record);
        }
    };

    private Executor executor(Mode mode, Set<String> limit, ConnectionSource source) {
        return new Executor(new ExecSettings(mode, 4, limit), source, observer, new SecretMasker());
    }

    private Executor executor(Mode mode, Set<String> limit) {
        return executor(mode, limit, h -> hosts.computeIfAbsent(h.name(), FakeConnection::new));
    }

    private static Plan plan() {
        return Plan.of(Phase.of("masters", HostSelector.roles(Role.MASTER), StubSteps.command("m", "true")),
                Phase.of("nodes", HostSelector.roles(Role.NODE), StubSteps.command("n", "true")));
    }

    @Test
    void aRunIsAnnouncedAndFinishedWithItsHosts() {
        RunOutcome out = executor(Mode.APPLY, Set.of()).run(plan(), inv, TemplateRenderer.builtIn());

        assertThat(out.failures()).isEmpty();
        assertThat(events).containsExactly("run started APPLY [masters, nodes] [master, node01]", "run finished APPLY ok=true");
        assertThat(out.duration()).isBetween(Duration.ZERO, Duration.ofSeconds(30));
    }

    @Test
    void onlyTheLimitedHostsAreWorkedOn() {
        RunOutcome out = executor(Mode.APPLY, Set.of("node01")).run(plan(), inv, TemplateRenderer.builtIn());

        assertThat(out.steps()).extracting(StepRecord::host).containsOnly("node01");
        assertThat(hosts.keySet()).containsExactly("node01");
        assertThat(out.counters().keySet()).containsExactly("node01");
    }

    @Test
    void aRunWithoutHostsDoesNothing() {
        RunOutcome out = executor(Mode.APPLY, Set.of("nobody")).run(plan(), inv, TemplateRenderer.builtIn());

        assertThat(out.failures()).isEmpty();
        assertThat(out.steps()).isEmpty();
        assertThat(hosts).isEmpty();
        assertThat(events).last().isEqualTo("run finished APPLY ok=true");
    }

    @Test
    void aGateSeesWhatItAskedForAndItsRefusalStopsTheRunBeforeAnyChange() {
        hosts.computeIfAbsent("node01", FakeConnection::new).units.put("gate.service", "failed");
        List<String> seen = new CopyOnWriteArrayList<>();
        FactsGate gate = new FactsGate() {
            @Override
            public Optional<String> refusal(String host, HostFacts facts) {
                String state = facts.unit("gate.service").active();
                seen.add(host + " " + state);
                return state.equals("failed") ? Optional.of("gate.service is " + state) : Optional.empty();
            }

            @Override
            public FactsQuery query(Host host) {
                return FactsQuery.units("gate.service");
            }

            @Override
            public String step() {
                return "gatecheck";
            }
        };
        RunOutcome out = executor(Mode.APPLY, Set.of()).withFactsGate(gate).run(plan(), inv, TemplateRenderer.builtIn());

        assertThat(seen).containsExactlyInAnyOrder("master inactive", "node01 failed");
        assertThat(out.failures()).singleElement().satisfies(f -> {
            assertThat(f.host()).isEqualTo("node01");
            assertThat(f.phase()).as("the first phase the host is in").isEqualTo("nodes");
            assertThat(f.step()).isEqualTo("gatecheck");
            assertThat(f.action()).isEqualTo("pass the preflight checks");
            assertThat(f.message()).isEqualTo("node01: phase nodes, step gatecheck: gate.service is failed");
            assertThat(f.cause()).isInstanceOf(FactsGate.Refused.class);
        });
        assertThat(finished).filteredOn(r -> r.status() == StepStatus.FAILED).extracting(StepRecord::step).containsExactly("gatecheck");
        assertThat(out.steps()).filteredOn(r -> r.step().equals("m")).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("not run: node01 failed before the run (gatecheck), so no host was changed"));
        assertThat(hosts.values()).allSatisfy(f -> assertThat(f.scripts()).isEmpty());
        assertThat(events).last().isEqualTo("run finished APPLY ok=false");
    }

    @Test
    void aHostThatCannotBeReachedFailsThePreflightAsUnreached() {
        RunOutcome out = executor(Mode.APPLY, Set.of(), h -> {
            if (h.name().equals("node01")) {
                throw new IllegalStateException("node01: no route to host");
            }
            return hosts.computeIfAbsent(h.name(), FakeConnection::new);
        }).run(plan(), inv, TemplateRenderer.builtIn());

        assertThat(out.failures()).singleElement().satisfies(f -> {
            assertThat(f.step()).isEqualTo("connect");
            assertThat(f.action()).isEqualTo("connect");
            assertThat(f.message()).isEqualTo("node01: phase nodes, step connect: no route to host");
            assertThat(f.cause()).isInstanceOf(UnreachableException.class);
        });
    }

    @Test
    void aStepThatCannotSayWhatItNeedsIsStillPlanned() {
        Step step = new Step() {
            @Override
            public String name() {
                return "vague";
            }

            @Override
            public FactsQuery facts(StepContext ctx) {
                throw new IllegalStateException("not yet");
            }

            @Override
            public StepOutcome plan(StepContext ctx) {
                return StepOutcome.of(List.of(RunCommand.of("say", "true")), "");
            }
        };
        RunOutcome out = executor(Mode.APPLY, Set.of()).run(Plan.of(Phase.of("p", HostSelector.roles(Role.NODE), step)),
                inv, TemplateRenderer.builtIn());

        assertThat(out.failures()).isEmpty();
        assertThat(out.steps()).extracting(StepRecord::status).containsExactly(StepStatus.CHANGED);
    }
}
