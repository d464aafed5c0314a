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
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.OutputListener;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.TransportStats;
import dev.provisioner.transport.UnreachableException;
import dev.provisioner.transport.Upload;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executor's fault rules over {@link FakeConnection}s (a fake: these rules do not depend on SSH;
 * {@code FaultsLabTest} and {@code RunLockLabTest} prove them on real hosts): every host is reached
 * (and locked) before any is changed, a lock refusal names the holder, an interrupt lets the running
 * phase finish and skips the rest.
 */
class ExecutorFaultsTest {
    private static final DesiredFile CONF = DesiredFile.text("/etc/app/app.conf", "port: 2379\n");
    private final Inventory inv = EngineFixtures.inventory();
    private final Map<String, FakeConnection> fakes = new ConcurrentHashMap<>();

    private FakeConnection fake(String name) {
        return fakes.computeIfAbsent(name, FakeConnection::new);
    }

    private static Plan twoPhases() {
        return Plan.of(Phase.of("first", HostSelector.all(), StubSteps.file("conf", CONF), StubSteps.command("cmd", "true")),
                Phase.of("second", HostSelector.all(), StubSteps.command("later", "true")));
    }

    private RunOutcome run(Mode mode, ConnectionSource source) {
        return new Executor(new ExecSettings(mode, 4, Set.of()), source, ExecObserver.NONE, new SecretMasker())
                .run(twoPhases(), inv, TemplateRenderer.builtIn());
    }

    @Test
    void anUnreachableHostStopsTheRunBeforeAnyHostIsChanged() {
        RunOutcome out = run(Mode.APPLY, h -> {
            if (h.name().equals("node01")) {
                throw new UnreachableException("node01", "cannot connect to 10.4.4.5:22 after 3 attempt(s): Connection refused");
            }
            return fake(h.name());
        });
        assertThat(out.failures()).singleElement().satisfies(f -> {
            assertThat(f.host()).isEqualTo("node01");
            assertThat(f.step()).isEqualTo("connect");
            assertThat(f.phase()).isEqualTo("first");
            assertThat(f.message()).isEqualTo("node01: phase first, step connect: cannot connect to 10.4.4.5:22 after 3 attempt(s):"
                    + " Connection refused");
        });
        for (String h : List.of("master", "registry")) {
            assertThat(fake(h).scripts()).as(h + " ran no script").isEmpty();
            assertThat(fake(h).uploads).as(h + " got no upload").isEmpty();
        }
        assertThat(out.steps()).filteredOn(r -> r.status() != StepStatus.FAILED).hasSize(9)
                .allSatisfy(r -> assertThat(r.reason()).isEqualTo("not run: node01 failed before the run (connect), so no host was changed"));
    }

    @Test
    void aHostLockedByAnotherRunIsNamedWithItsHolderAndNothingChanges() {
        String holder = "run 1a2b3c4d by alice@laptop (pid 4242) since 2026-11-26T01:00:00Z";
        RunOutcome out = run(Mode.APPLY, h -> h.name().equals("registry") ? new Refusing(fake(h.name()), holder) : fake(h.name()));
        assertThat(out.failures()).singleElement().satisfies(f -> {
            assertThat(f.step()).isEqualTo("lock");
            assertThat(f.message()).isEqualTo("registry: phase first, step lock: another run holds the lock on this host: " + holder
                    + " (the lock is released when that run ends or its connection drops)");
        });
        assertThat(fake("master").scripts()).isEmpty();
    }

    @Test
    void applyTakesTheLockAndCleansLeftoversInTheFactsRoundTripWhenItMustWhilePlanDoesNeither() {
        run(Mode.APPLY, h -> fake(h.name()));
        String facts = fake("master").commands.get(0).line();
        assertThat(fake("master").commands.get(0).display()).isEqualTo("gather facts");
        // Taken (and leftovers removed) in the facts round trip when another run holds the lock or something was left;
        // otherwise the facts are read without it and it is taken, with the generation read then, before the first change.
        assertThat(facts).contains("locknow()").contains("leftovers()").contains("if locknow || leftovers; then")
                .contains("flock -w 5 9").contains(RunLock.HOLDER).contains("for f in /var/lib/provisioner/stage/*")
                .contains("/etc/app/.app.conf.provisioner-new").contains("/etc/app/.app.conf.provisioner-tmp");
        assertThat(facts.indexOf("flock -w 5 9")).isGreaterThan(facts.indexOf("if locknow || leftovers; then"))
                .isLessThan(facts.indexOf("rm -rf --"));
        Command lock = fake("master").commands.stream().filter(c -> c.display().equals("take the run lock")).findFirst().orElseThrow();
        assertThat(lock.line()).contains("flock -w 5 9").contains(RunLock.CHANGED_SINCE).contains("rm -rf --");
        assertThat(fake("master").commands.indexOf(lock)).as("before the first change").isEqualTo(1);
        fakes.clear();
        run(Mode.PLAN, h -> fake(h.name()));
        assertThat(fake("master").commands).singleElement().satisfies(c ->
                assertThat(c.line()).doesNotContain("flock").doesNotContain("rm -"));
    }

    @Test
    void anInterruptLetsTheRunningPhaseFinishThenSkipsTheRest() throws Exception {
        inv.hosts().forEach(h -> fake(h.name()).scriptDelay = Duration.ofMillis(600));
        AtomicReference<RunOutcome> out = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread t = new Thread(() -> {
            out.set(run(Mode.APPLY, h -> fake(h.name())));
            flag.set(Thread.currentThread().isInterrupted());
        });
        t.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        // Interrupt once every host is inside the first phase's script: hosts at work finish their step (a host
        // not started yet would be reported as not run, which another test covers).
        while (inv.hosts().stream().anyMatch(h -> fake(h.name()).scripts().isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        t.interrupt();
        t.join(10_000);
        assertThat(flag.get()).isTrue();
        assertThat(out.get().steps()).filteredOn(r -> r.phase().equals("first"))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(StepStatus.CHANGED));
        assertThat(out.get().steps()).filteredOn(r -> r.phase().equals("second"))
                .hasSize(3).allSatisfy(r -> assertThat(r.reason()).isEqualTo("not run: the run was interrupted"));
        assertThat(out.get().failures()).singleElement().satisfies(f -> {
            assertThat(f.step()).isEqualTo(Executor.INTERRUPTED);
            assertThat(f.message()).isEqualTo("the run was interrupted; phase second and later phases were not run");
        });
        assertThat(fake("master").scripts()).hasSize(1);
    }

    @Test
    void leftoversAreTheTemporaryNamesBesideADestination() {
        assertThat(Leftovers.tempFiles("/etc/app/app.conf"))
                .containsExactly("/etc/app/.app.conf.provisioner-new", "/etc/app/.app.conf.provisioner-tmp");
        assertThat(Leftovers.tempFiles("/top")).containsExactly("/.top.provisioner-new", "/.top.provisioner-tmp");
        assertThat(RunLock.holder("noise\nprovisioner-lock: run x by a@b (pid 1) since t\n")).isEqualTo("run x by a@b (pid 1) since t");
        assertThat(RunLock.holder("")).isEqualTo("an unknown run");
    }

    /** Answers the facts script as a host whose run lock another run holds (exit 75, the holder on stderr). */
    private record Refusing(FakeConnection delegate, String holder) implements Connection {
        @Override
        public Endpoint endpoint() {
            return delegate.endpoint();
        }

        @Override
        public String hostKeyFingerprint() {
            return delegate.hostKeyFingerprint();
        }

        @Override
        public CommandResult run(Command command, OutputListener listener) {
            if (!command.display().equals("gather facts")) {
                return delegate.run(command, listener);
            }
            delegate.commands.add(command);
            return new CommandResult(delegate.host, command.display(), RunLock.REFUSED, new byte[0],
                    (RunLock.REFUSAL_PREFIX + holder + "\n").getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        }

        @Override
        public void upload(List<Upload> uploads) {
            delegate.upload(uploads);
        }

        @Override
        public byte[] read(String remotePath, boolean asRoot) {
            return delegate.read(remotePath, asRoot);
        }

        @Override
        public TransportStats stats() {
            return delegate.stats();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
