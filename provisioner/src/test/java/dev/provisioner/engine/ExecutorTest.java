package dev.provisioner.engine;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Plan;
import dev.provisioner.template.TemplateRenderer;
import dev.provisioner.testsupport.EngineFixtures;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.Upload;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The executor with stub steps over {@link FakeConnection}s (see there why a fake). */
class ExecutorTest {
    private final Inventory inv = EngineFixtures.inventory();
    private final Map<String, FakeConnection> hosts = new ConcurrentHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final SecretMasker masker = new SecretMasker();

    private static final DesiredFile CONF = DesiredFile.text("/etc/app/app.conf", "port: 2379\n");
    private static final DesiredFile UNIT = DesiredFile.text("/etc/systemd/system/app.service", "[Service]\n").asUnitFile();
    private static final DesiredFile UNIT2 = DesiredFile.text("/etc/systemd/system/other.service", "[Service]\n").asUnitFile();

    private FakeConnection fake(String name) {
        return hosts.computeIfAbsent(name, FakeConnection::new);
    }

    private RunOutcome run(Mode mode, Plan plan, int parallelism) {
        ExecObserver observer = new ExecObserver() {
            @Override
            public void stepFinished(StepRecord r) {
                events.add(r.phase() + "/" + r.host() + "/" + r.step() + "=" + r.status());
            }

            @Override
            public void action(String phase, String host, String step, ActionRecord action) {
                events.add("action " + host + " " + action.description() + "\n" + action.diff());
            }
        };
        return new Executor(new ExecSettings(mode, parallelism, Set.of()), h -> fake(h.name()), observer, masker)
                .run(plan, inv, TemplateRenderer.builtIn());
    }

    private static Plan appPlan() {
        return Plan.of(Phase.of("app", HostSelector.roles(Role.REGISTRY),
                StubSteps.file("app-config", CONF), StubSteps.file("app-unit", UNIT), StubSteps.file("other-unit", UNIT2),
                StubSteps.service("app-service", "app.service", CONF.path(), UNIT.path()),
                StubSteps.service("idle-service", "idle.service", "/etc/idle.conf")));
    }

    @Test
    void freshHostGetsOneScriptCarryingItsFiles() {
        RunOutcome out = run(Mode.APPLY, appPlan(), 4);
        FakeConnection reg = fake("registry");
        assertThat(reg.uploads).as("world-readable text travels in the script").isEmpty();
        assertThat(reg.scripts().get(0).line()).contains("printf '%s' 'port: 2379\n'");
        assertThat(reg.commands).extracting(Command::display).as("facts without the lock, then the lock before the first change")
                .containsExactly("gather facts", "take the run lock", "apply phase app (7 actions)");
        String script = reg.scripts().get(0).line();
        assertThat(script.split("systemctl daemon-reload", -1)).as("daemon-reload exactly once for two unit files").hasSize(2);
        assertThat(script).contains("systemctl restart app.service").doesNotContain("idle.service");
        assertThat(script.indexOf("daemon-reload")).isLessThan(script.indexOf("restart app.service"));
        assertThat(out.counters().get("registry")).isEqualTo(new HostCounters(3, CONF.content().length + 2L * UNIT.content().length, 3, 1));
        assertThat(out.failures()).isEmpty();
        assertThat(events).contains("app/registry/app-config=CHANGED", "app/registry/app-service=CHANGED",
                "app/registry/idle-service=UNCHANGED");
        assertThat(out.steps()).filteredOn(r -> r.step().equals("app-service")).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("restart app.service (changed: /etc/app/app.conf, /etc/systemd/system/app.service)"));
        assertThat(reg.closed.get()).isEqualTo(1);
        assertThat(hosts).containsOnlyKeys("registry");
    }

    @Test
    void convergedHostCostsOneRoundTripAndNothingElse() {
        fake("registry").has(CONF).has(UNIT).has(UNIT2);
        RunOutcome out = run(Mode.APPLY, appPlan(), 4);
        FakeConnection reg = fake("registry");
        assertThat(reg.commands).hasSize(1);
        assertThat(reg.uploads).isEmpty();
        assertThat(out.counters().get("registry")).isEqualTo(new HostCounters(1, 0, 0, 0));
        assertThat(out.steps()).allSatisfy(r -> assertThat(r.status()).isEqualTo(StepStatus.UNCHANGED));
        assertThat(out.steps()).filteredOn(r -> r.step().equals("app-service")).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("app.service is running"));
    }

    @Test
    void onlyTheChangedFileAndItsUnitRestart() {
        fake("registry").has(DesiredFile.text(CONF.path(), "port: 2380\n")).has(UNIT).has(UNIT2);
        RunOutcome out = run(Mode.APPLY, appPlan(), 4);
        FakeConnection reg = fake("registry");
        assertThat(reg.uploads).isEmpty();
        String script = reg.scripts().get(0).line();
        assertThat(script).contains("printf '%s' 'port: 2379\n'").doesNotContain("[Service]");
        assertThat(script).contains("systemctl restart app.service").doesNotContain("daemon-reload");
        assertThat(out.counters().get("registry").filesWritten()).isEqualTo(1);
        assertThat(out.counters().get("registry").unitsRestarted()).isEqualTo(1);
        assertThat(events).anySatisfy(e -> assertThat(e).contains("-port: 2380").contains("+port: 2379"));
    }

    @Test
    void planWritesNothingAndShowsDiffs() {
        fake("registry").has(DesiredFile.text(CONF.path(), "port: 2380\n"));
        RunOutcome out = run(Mode.PLAN, appPlan(), 4);
        FakeConnection reg = fake("registry");
        assertThat(reg.uploads).isEmpty();
        assertThat(reg.scripts()).isEmpty();
        assertThat(out.counters().get("registry").roundTrips()).isEqualTo(1);
        StepRecord config = out.steps().stream().filter(r -> r.step().equals("app-config")).findFirst().orElseThrow();
        assertThat(config.status()).isEqualTo(StepStatus.CHANGED);
        assertThat(config.reason()).startsWith("would write /etc/app/app.conf");
        assertThat(config.actions().get(0).diff()).contains("-port: 2380\n+port: 2379\n");
        assertThat(config.actions().get(0).done()).isFalse();
    }

    @Test
    void aFailureStopsTheNextPhaseAndNamesHostStepExitCodeAndStderr() {
        fake("node01").failAt = 0;
        fake("node01").failExit = 7;
        fake("node01").failStderr = "E: Unable to locate package nope";
        Plan plan = Plan.of(
                Phase.of("first", HostSelector.all(), StubSteps.command("install", "apt-get install nope")),
                Phase.of("second", HostSelector.all(), StubSteps.command("later", "true")));
        RunOutcome out = run(Mode.APPLY, plan, 4);
        assertThat(out.failures()).singleElement().satisfies(f -> {
            assertThat(f.host()).isEqualTo("node01");
            assertThat(f.phase()).isEqualTo("first");
            assertThat(f.step()).isEqualTo("install");
            assertThat(f.exitCode()).isEqualTo(7);
            assertThat(f.stderrTail()).isEqualTo("E: Unable to locate package nope");
            assertThat(f.message()).contains("node01").contains("install").contains("exited 7").contains("Unable to locate");
        });
        assertThat(events).contains("first/master/install=CHANGED", "first/registry/install=CHANGED", "first/node01/install=FAILED",
                "second/master/later=SKIPPED", "second/node01/later=SKIPPED", "second/registry/later=SKIPPED");
        assertThat(fake("master").scripts()).as("the other hosts finished the phase, then nothing").hasSize(1);
    }

    @Test
    void aStepThatCannotBeComputedFailsWithoutTouchingTheHost() {
        Plan plan = Plan.of(Phase.of("p", HostSelector.roles(Role.MASTER),
                StubSteps.file("ok", CONF), StubSteps.broken("bad")));
        RunOutcome out = run(Mode.APPLY, plan, 4);
        assertThat(fake("master").uploads).isEmpty();
        assertThat(out.failures()).singleElement().satisfies(f -> assertThat(f.message()).contains("x.ftl:3"));
        assertThat(events).contains("p/master/bad=FAILED", "p/master/ok=SKIPPED");
    }

    @Test
    void factsAreGatheredOncePerHostAcrossPhases() {
        Plan plan = Plan.of(Phase.of("a", HostSelector.all(), StubSteps.file("f1", CONF)),
                Phase.of("b", HostSelector.all(), StubSteps.file("f2", UNIT)));
        inv.hosts().forEach(h -> fake(h.name()).has(CONF).has(UNIT));
        RunOutcome out = run(Mode.APPLY, plan, 4);
        assertThat(out.counters().values()).allSatisfy(c -> assertThat(c.roundTrips()).isEqualTo(1));
        assertThat(fake("master").commands.get(0).line()).contains("/etc/app/app.conf").contains("/etc/systemd/system/app.service");
    }

    @Test
    void hostsRunInParallelUpToTheLimit() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        inv.hosts().forEach(h -> {
            fake(h.name()).running = running;
            fake(h.name()).maxRunning = max;
            fake(h.name()).scriptDelay = Duration.ofMillis(150);
        });
        Plan plan = Plan.of(Phase.of("p", HostSelector.all(), StubSteps.command("c", "true")));
        run(Mode.APPLY, plan, 2);
        assertThat(max.get()).isEqualTo(2);
        max.set(0);
        run(Mode.APPLY, Plan.of(Phase.of("p", HostSelector.all(), StubSteps.command("c", "true")).withParallelism(1)), 8);
        assertThat(max.get()).isEqualTo(1);
    }

    @Test
    void secretsAreMaskedInDiffsAndEvents() {
        masker.register("hunter2-secret");
        DesiredFile withSecret = DesiredFile.text("/etc/app/creds.conf", "password: hunter2-secret\n");
        RunOutcome out = run(Mode.PLAN, Plan.of(Phase.of("p", HostSelector.roles(Role.MASTER), StubSteps.file("creds", withSecret))), 4);
        assertThat(events).noneSatisfy(e -> assertThat(e).contains("hunter2-secret"));
        assertThat(out.steps().get(0).actions().get(0).diff()).contains("+password: ******");
    }

    @Test
    void phasesWithoutBarrierLetEachHostGoOn() {
        Plan plan = Plan.of(Phase.of("a", HostSelector.all(), StubSteps.command("a", "true")).withoutBarrier(),
                Phase.of("b", HostSelector.all(), StubSteps.command("b", "true")));
        assertThat(Executor.groups(plan)).hasSize(1);
        RunOutcome out = run(Mode.APPLY, plan, 4);
        assertThat(out.steps()).hasSize(6).allSatisfy(r -> assertThat(r.status()).isEqualTo(StepStatus.CHANGED));
    }
}
