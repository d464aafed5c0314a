package dev.provisioner.engine;

import dev.provisioner.artifacts.MissingArtifacts;
import dev.provisioner.facts.FactsException;
import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.PackageManager;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.operation.HostFanOut;
import dev.provisioner.step.Action;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.EnsureUnit;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.Phase;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.step.WaitHealthy;
import dev.provisioner.template.TemplateRenderer;
import dev.provisioner.testsupport.EngineFixtures;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.OutputListener;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.UnreachableException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** One phase on one host through {@link HostPhaseRunner}: records, observer calls, what the session remembers and counts. */
class HostPhaseRunnerTest {
    private static final Duration SANE = Duration.ofSeconds(20);
    private final Inventory inv = EngineFixtures.inventory();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Duration> hostDurations = new CopyOnWriteArrayList<>();
    private final SecretMasker masker = new SecretMasker();
    private HostSession session;

    private final ExecObserver observer = new ExecObserver() {
        @Override
        public void hostStarted(String phase, String host) {
            events.add("host started " + host);
        }

        @Override
        public void hostFinished(String phase, String host, boolean ok, Duration duration) {
            events.add("host finished " + host + " ok=" + ok);
            hostDurations.add(duration);
        }

        @Override
        public void stepStarted(String phase, String host, String step) {
            events.add("step " + step);
        }

        @Override
        public void output(String host, OutputListener.Stream stream, String line) {
            events.add("output " + stream + " " + line);
        }
    };

    private static Step step(String name, Action... actions) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StepOutcome plan(StepContext ctx) {
                return StepOutcome.of(List.of(actions), name + " is fine");
            }
        };
    }

    private static Step throwing(String name, RuntimeException e) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StepOutcome plan(StepContext ctx) {
                throw e;
            }
        };
    }

    private HostPhaseRunner runner(Mode mode, ConnectionSource source, Step... steps) {
        RunScope scope = new RunScope("run1", mode, inv, TemplateRenderer.builtIn(), observer, masker, new HostFanOut("t", 1));
        session = new HostSession(inv.host("node01").orElseThrow(), source, FactsQuery.EMPTY, Optional.empty());
        return new HostPhaseRunner(scope, session, Phase.of("p", HostSelector.all(), steps));
    }

    private HostPhaseRunner runner(Mode mode, Connection c, Step... steps) {
        return runner(mode, h -> c, steps);
    }

    private static PutFile put(String path) {
        return new PutFile(DesiredFile.text(path, "x\n"), "+x", List.of());
    }

    /** Not world-readable: uploaded, never carried in the script. */
    private static PutFile privatePut(String path) {
        return new PutFile(DesiredFile.text(path, "x\n").withMode(0600), "+x", List.of());
    }

    private static StepRecord record(List<StepRecord> records, String step) {
        return records.stream().filter(r -> r.step().equals(step)).findFirst().orElseThrow();
    }

    @Test
    void anAppliedPhaseIsRememberedCountedAndReported() {
        FakeConnection fake = new FakeConnection("node01");
        HostPhaseRunner r = runner(Mode.APPLY, fake,
                step("conf", put("/etc/x.conf"), new RestartOnChange("x.service", Set.of("/etc/x.conf"), Set.of())),
                step("pkgs", new InstallPackages(List.of("curl"), PackageManager.APT)),
                step("start", new EnsureUnit("y.service", false, true)),
                step("enable", new EnsureUnit("z.service", true, false)),
                step("quiet"));

        List<StepRecord> records = r.run();

        assertThat(records).extracting(StepRecord::step).containsExactly("conf", "pkgs", "start", "enable", "quiet");
        assertThat(records).extracting(StepRecord::status).containsExactly(StepStatus.CHANGED, StepStatus.CHANGED,
                StepStatus.CHANGED, StepStatus.CHANGED, StepStatus.UNCHANGED);
        assertThat(session.ledger().paths()).containsExactly("/etc/x.conf");
        assertThat(session.ledger().packages()).containsExactly("curl");
        assertThat(session.ledger().unitsStarted()).containsExactlyInAnyOrder("x.service", "y.service");
        assertThat(r.unitsTouched()).containsExactlyInAnyOrder("x.service", "y.service");
        HostCounters c = session.counters();
        assertThat(c.filesWritten()).isEqualTo(1);
        assertThat(c.unitsRestarted()).isEqualTo(1);
        assertThat(events).containsExactly("host started node01", "step conf", "step pkgs", "step start", "step enable",
                "step quiet", "host finished node01 ok=true");
        assertThat(hostDurations).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ZERO, SANE));
        assertThat(records).allSatisfy(s -> assertThat(s.duration()).isBetween(Duration.ZERO, SANE));
    }

    @Test
    void aPlannedPhaseRemembersWhatItWouldChangeForLaterPhases() {
        FakeConnection fake = new FakeConnection("node01");
        HostPhaseRunner r = runner(Mode.PLAN, fake,
                step("conf", put("/etc/x.conf")), step("pkgs", new InstallPackages(List.of("curl"), PackageManager.APT)),
                step("start", new EnsureUnit("y.service", false, true)));

        List<StepRecord> records = r.run();

        assertThat(records).extracting(StepRecord::reason).containsExactly("would " + put("/etc/x.conf").describe(),
                "would install packages curl (apt)", "would start y.service");
        assertThat(session.ledger().paths()).containsExactly("/etc/x.conf");
        assertThat(session.ledger().packages()).containsExactly("curl");
        assertThat(session.ledger().unitsStarted()).containsExactly("y.service");
        assertThat(fake.scripts()).isEmpty();
        assertThat(r.unitsTouched()).isEmpty();
    }

    @Test
    void onlyTheStepsThatChangedCarryTheApplyTime() {
        FakeConnection fake = new FakeConnection("node01");
        fake.scriptDelay = Duration.ofMillis(400);
        List<StepRecord> records = runner(Mode.APPLY, fake, step("cmd", RunCommand.of("run it", "true")), step("quiet")).run();

        assertThat(record(records, "cmd").duration()).isBetween(Duration.ofMillis(400), SANE);
        assertThat(record(records, "quiet").duration()).isLessThan(Duration.ofMillis(400));
    }

    @Test
    void aFailingLaterActionFailsItsStepAndSkipsTheRest() {
        FakeConnection fake = new FakeConnection("node01");
        fake.failAt = 2; // 0 is the manifest record
        fake.failExit = 7;
        fake.failStderr = "boom s3cret";
        masker.register("s3cret");
        HostPhaseRunner r = runner(Mode.APPLY, fake, step("one", RunCommand.of("first", "true")),
                step("two", RunCommand.of("second", "false")), step("three", RunCommand.of("third", "true")));

        List<StepRecord> records = r.run();

        assertThat(records).extracting(StepRecord::status).containsExactly(StepStatus.CHANGED, StepStatus.FAILED, StepStatus.SKIPPED);
        assertThat(record(records, "one").actions()).singleElement()
                .isEqualTo(new ActionRecord("RunCommand", "first", "", true));
        assertThat(record(records, "three").actions()).singleElement()
                .isEqualTo(new ActionRecord("RunCommand", "third", "", false));
        Failure f = record(records, "two").failure().orElseThrow();
        assertThat(f.action()).isEqualTo("second");
        assertThat(f.exitCode()).isEqualTo(7);
        assertThat(f.message()).isEqualTo("node01: phase p, step two: 'second' exited 7\nboom ******");
        assertThat(f.cause()).isNull();
        assertThat(record(records, "three").reason()).startsWith("not run: two failed first (node01: phase p, step two:");
        assertThat(events).contains("output STDERR boom ******", "host finished node01 ok=false")
                .noneMatch(e -> e.startsWith("output") && e.contains(ApplyScript.MARK));
    }

    @Test
    void emptyOutputLinesAreNotPassedOn() {
        FakeConnection fake = new FakeConnection("node01");
        fake.failAt = 1;
        runner(Mode.APPLY, fake, step("one", RunCommand.of("first", "false"))).run();

        assertThat(events).noneMatch(e -> e.startsWith("output"));
    }

    @Test
    void aScriptThatDiesWithoutAMarkerFailsTheFirstStep() {
        ScriptedConnection c = ScriptedConnection.debian(cmd -> ScriptedConnection.result(137, "", "Killed"));
        List<StepRecord> records = runner(Mode.APPLY, c, step("one", RunCommand.of("first", "true")),
                step("two", RunCommand.of("second", "true"))).run();

        assertThat(records).extracting(StepRecord::status).containsExactly(StepStatus.FAILED, StepStatus.SKIPPED);
        Failure f = record(records, "one").failure().orElseThrow();
        assertThat(f.exitCode()).isEqualTo(137);
        assertThat(f.message()).endsWith("exited 137\nKilled");
    }

    @Test
    void aHealthCheckThatRanOutOfTimeIsATimeout() {
        ScriptedConnection c = ScriptedConnection.debian(cmd -> ScriptedConnection.result(ApplyScript.HEALTH_TIMEOUT,
                ApplyScript.MARK + "done 0\n" + ApplyScript.MARK + "done 1\n\n" + ApplyScript.MARK + "failed 2 124\n", "slow"));
        List<StepRecord> records = runner(Mode.APPLY, c, step("svc", RunCommand.of("start it", "true"),
                new WaitHealthy("svc answers", "true", Duration.ofSeconds(3)))).run();

        Failure f = record(records, "svc").failure().orElseThrow();
        assertThat(f.action()).isEqualTo("wait until svc answers (up to 3s)");
        assertThat(f.cause()).isInstanceOf(TimeoutException.class).hasMessage(f.message());
    }

    @Test
    void aCommandExitingWithTheTimeoutCodeIsNoHealthTimeout() {
        ScriptedConnection c = ScriptedConnection.debian(cmd -> ScriptedConnection.result(ApplyScript.HEALTH_TIMEOUT,
                ApplyScript.MARK + "done 0\n\n" + ApplyScript.MARK + "failed 1 124\n", "timeout"));
        List<StepRecord> records = runner(Mode.APPLY, c, step("cmd", RunCommand.of("run it", "timeout 1 sleep 5"))).run();

        Failure f = record(records, "cmd").failure().orElseThrow();
        assertThat(f.action()).isEqualTo("run it");
        assertThat(f.cause()).isNull();
    }

    @Test
    void aBusyHostFailsTheFirstStepNamingTheOtherRun() {
        ScriptedConnection c = ScriptedConnection.debian(cmd -> ScriptedConnection.result(dev.provisioner.operation.RunLock.REFUSED, "",
                dev.provisioner.operation.RunLock.REFUSAL_PREFIX + "run abc by bob\n"));
        List<StepRecord> records = runner(Mode.APPLY, c, step("one", RunCommand.of("first", "true")),
                step("two", RunCommand.of("second", "true"))).run();

        assertThat(records).extracting(StepRecord::status).containsExactly(StepStatus.FAILED, StepStatus.SKIPPED);
        Failure f = record(records, "one").failure().orElseThrow();
        assertThat(f.action()).isEqualTo("take the busy lock");
        assertThat(f.message()).isEqualTo("node01: phase p, step one: the phase script did not start: run abc by bob");
        assertThat(records).allSatisfy(s -> assertThat(s.duration()).isBetween(Duration.ZERO, SANE));
    }

    @Test
    void aFailedUploadFailsTheFirstFileStep() {
        ScriptedConnection c = ScriptedConnection.debian(cmd -> ScriptedConnection.result(0, "", ""));
        c.uploadFailure = new IllegalStateException("sftp: no space left");
        List<StepRecord> records = runner(Mode.APPLY, c, step("cmd", RunCommand.of("run it", "true")),
                step("conf", privatePut("/etc/x.conf")), step("conf2", privatePut("/etc/y.conf")), step("quiet")).run();

        assertThat(records).extracting(StepRecord::status).containsExactly(StepStatus.SKIPPED, StepStatus.FAILED,
                StepStatus.SKIPPED, StepStatus.UNCHANGED);
        Failure f = record(records, "conf").failure().orElseThrow();
        assertThat(f.action()).isEqualTo("upload 2 file(s)");
        assertThat(f.message()).isEqualTo("node01: phase p, step conf: sftp: no space left");
        assertThat(f.cause()).isSameAs(c.uploadFailure);
        assertThat(records).allSatisfy(s -> assertThat(s.duration()).isBetween(Duration.ZERO, SANE));
        assertThat(c.commands).extracting(cmd -> cmd.display()).containsExactly("gather facts");
        assertThat(session.ledger().paths()).isEmpty();
    }

    @Test
    void aScriptThatCannotBeRunFailsTheFirstStep() {
        IllegalStateException lost = new IllegalStateException("channel closed");
        ScriptedConnection c = ScriptedConnection.debian(cmd -> {
            throw lost;
        });
        List<StepRecord> records = runner(Mode.APPLY, c, step("one", RunCommand.of("first", "true")),
                step("two", RunCommand.of("second", "true"))).run();

        Failure f = record(records, "one").failure().orElseThrow();
        assertThat(f.action()).isEqualTo("run the phase script");
        assertThat(f.cause()).isSameAs(lost);
        assertThat(records).allSatisfy(s -> assertThat(s.duration()).isBetween(Duration.ZERO, SANE));
    }

    @Test
    void factsThatFailAfterConnectingFailTheFactsStep() {
        ScriptedConnection c = new ScriptedConnection(cmd -> ScriptedConnection.result(2, "", "sh: syntax error"));
        List<StepRecord> records = runner(Mode.APPLY, c, step("one"), step("two")).run();

        assertThat(records).extracting(StepRecord::step).containsExactly("facts", "one", "two");
        assertThat(records).extracting(StepRecord::status).containsExactly(StepStatus.FAILED, StepStatus.SKIPPED, StepStatus.SKIPPED);
        Failure f = records.get(0).failure().orElseThrow();
        assertThat(f.action()).isEqualTo("gather facts");
        assertThat(f.cause()).isInstanceOf(FactsException.class);
        assertThat(records.get(1).reason()).isEqualTo("not run: " + f.message());
        assertThat(events).last().isEqualTo("host finished node01 ok=false");
    }

    @Test
    void aHostThatCannotBeReachedFailsTheConnectStep() {
        List<StepRecord> records = runner(Mode.APPLY, (ConnectionSource) h -> {
            throw new IllegalStateException("no route to host");
        }, step("one")).run();

        assertThat(records).extracting(StepRecord::step).containsExactly("connect", "one");
        Failure f = records.get(0).failure().orElseThrow();
        assertThat(f.action()).isEqualTo("connect");
        assertThat(f.cause()).isInstanceOf(UnreachableException.class).hasMessageContaining("no route to host");
    }

    @Test
    void aTransportErrorWhileConnectingIsKeptAsItIs() {
        UnreachableException refused = new UnreachableException("node01", "connection refused");
        List<StepRecord> records = runner(Mode.APPLY, (ConnectionSource) h -> {
            throw refused;
        }, step("one")).run();

        assertThat(records.get(0).failure().orElseThrow().cause()).isSameAs(refused);
    }

    @Test
    void missingArtifactsMakeTheRunIncompleteNotBroken() {
        MissingArtifacts missing = new MissingArtifacts(List.of(), Optional.empty());
        List<StepRecord> records = runner(Mode.APPLY, new FakeConnection("node01"), step("one", RunCommand.of("first", "true")),
                throwing("binaries", missing), step("three")).run();

        assertThat(records).extracting(StepRecord::status).containsExactly(StepStatus.SKIPPED, StepStatus.FAILED, StepStatus.SKIPPED);
        Failure f = record(records, "binaries").failure().orElseThrow();
        assertThat(f.incomplete()).isTrue();
        assertThat(f.action()).isEqualTo("obtain release artifacts");
        assertThat(f.cause()).isSameAs(missing);
        assertThat(record(records, "one").reason()).isEqualTo("not run: step binaries could not be computed");
    }

    @Test
    void aStepThatCannotBeComputedIsABrokenStep() {
        List<StepRecord> records = runner(Mode.APPLY, new FakeConnection("node01"),
                throwing("tmpl", new IllegalStateException("undefined y"))).run();

        Failure f = record(records, "tmpl").failure().orElseThrow();
        assertThat(f.incomplete()).isFalse();
        assertThat(f.action()).isEqualTo("compute actions");
        assertThat(f.message()).isEqualTo("node01: phase p, step tmpl: undefined y");
    }
}
