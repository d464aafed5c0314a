package dev.provisioner.engine;

import dev.provisioner.operation.RunLock;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Plan;
import dev.provisioner.template.TemplateRenderer;
import dev.provisioner.testsupport.EngineFixtures;
import dev.provisioner.transport.Command;
import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.SecretMasker;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The apply script's own limits: a time limit on every phase script, and a busy lock that fails the phase. */
class PhaseScriptLimitsTest {
    private final Inventory inv = EngineFixtures.inventory();
    private final Map<String, FakeConnection> fakes = new ConcurrentHashMap<>();

    private static Plan plan() {
        return Plan.of(Phase.of("first", HostSelector.all(),
                StubSteps.file("conf", DesiredFile.text("/etc/app/app.conf", "port: 2379\n")), StubSteps.command("cmd", "true")));
    }

    /** The fake host, except that every apply script is answered with {@code answer} (facts stay real). */
    private Connection answering(String host, CommandResult answer) {
        FakeConnection fake = fakes.computeIfAbsent(host, FakeConnection::new);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("run") && args[0] instanceof Command c && !c.display().equals("gather facts")
                            && !c.display().equals("take the run lock")) {
                        fake.commands.add(c);
                        return answer == null ? fake.run(c, (s, l) -> { }) : answer;
                    }
                    try {
                        return method.invoke(fake, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private RunOutcome apply(CommandResult answer) {
        return new Executor(new ExecSettings(Mode.APPLY, 4, Set.of()), h -> answering(h.name(), answer), ExecObserver.NONE,
                new SecretMasker()).run(plan(), inv, TemplateRenderer.builtIn());
    }

    @Test
    void everyPhaseScriptRunsWithTheGenerousTimeLimit() {
        RunOutcome out = apply(null);
        assertThat(out.failures()).isEmpty();
        assertThat(fakes.values()).allSatisfy(f -> assertThat(f.scripts()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.timeout()).isEqualTo(HostPhaseRunner.PHASE_LIMIT)));
        assertThat(HostPhaseRunner.PHASE_LIMIT).isGreaterThanOrEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aBusyLockThatStaysTakenFailsThePhaseAndNothingCounts() {
        String stderr = RunLock.REFUSAL_PREFIX + RunLock.busyRefusal(RunLock.BUSY_WAIT_SECONDS) + "\n";
        RunOutcome out = apply(new CommandResult("h", "apply", RunLock.REFUSED, new byte[0],
                stderr.getBytes(StandardCharsets.UTF_8), Duration.ZERO));
        assertThat(out.failures()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.action()).isEqualTo("take the busy lock");
            assertThat(f.message()).endsWith("the phase script did not start: another run is starting on this host"
                    + " (its busy lock was not free within 30 s)");
        });
        assertThat(out.steps()).noneMatch(s -> s.status() == StepStatus.CHANGED);
    }
}
