package dev.provisioner.engine;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;
import dev.provisioner.cli.Main;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.testsupport.FileChecksums;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run lock and interruptions on two real lab hosts: a second run or a reset at the same time refuses, naming
 * the holder; a controller killed with SIGKILL (a real {@code provisioner apply} process) leaves no
 * stale lock; Ctrl-C (SIGINT to that process) exits 130 with nothing half-done; an interrupted run
 * thread lets the running phase finish its step and skips the rest. Every test leaves the hosts converged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunLockLabTest {
    private static final String LOCK = "/var/lib/provisioner/run.lock";
    private final FaultPlan plan = new FaultPlan();
    private LabHosts lab;
    private LabHost h1;
    private LabHost h2;
    private Path inventoryFile;
    private Inventory inventory;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("h1", "h2");
        h1 = lab.host("h1");
        h2 = lab.host("h2");
        inventoryFile = FaultLab.inventory(lab, "root", "");
        inventory = Inventory.load(inventoryFile);
        heals();
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private Provisioner.Builder provisioner() {
        return EngineHooks.builder(inventory, p -> plan.plan()).stateDirectory(lab.dir().resolve("state"));
    }

    private void heals() {
        assertThat(provisioner().build().apply().failures()).isEmpty();
        ProvisionReport again = provisioner().build().apply();
        assertThat(again.failures()).isEmpty();
        assertThat(again.steps()).noneMatch(s -> s.status() == StepStatus.CHANGED);
        for (LabHost h : lab.hosts()) {
            assertThat(FileChecksums.leftovers(h)).isEmpty();
        }
    }

    private static boolean lockFree(LabHost h) {
        return h.exec("flock -n " + LOCK + " true").exitCode() == 0;
    }

    @Test
    @Order(1)
    void aSecondRunOrAResetAtTheSameTimeRefusesNamingTheHolderAndChangesNothing() throws Exception {
        h2.execOk("rm -f " + FaultPlan.SLOW_STARTED + "; echo 25 > " + FaultPlan.SLOW_MARKER);
        plan.version++;
        CompletableFuture<ProvisionReport> first = CompletableFuture.supplyAsync(() -> provisioner().build().apply());
        FaultLab.await(() -> h2.exec("test -e " + FaultPlan.SLOW_STARTED).exitCode() == 0, Duration.ofSeconds(60));
        assertThat(lockFree(h1)).as("the first run holds h1's lock").isFalse();
        ProvisionReport second = provisioner().build().apply();
        assertThat(first).as("the second run refused while the first still ran").isNotDone();
        assertThat(second.failures()).hasSize(2).allSatisfy(f -> {
            assertThat(f.step()).isEqualTo("lock");
            assertThat(f.message()).contains(f.host() + ": phase " + FaultPlan.FILES_PHASE + ", step lock: another run holds the lock"
                    + " on this host: run ").contains("(pid " + ProcessHandle.current().pid() + ") since ");
        });
        assertThat(second.steps()).noneMatch(s -> s.status() == StepStatus.CHANGED);
        assertThat(second.hosts()).allSatisfy(h -> assertThat(h.counters().filesWritten()).isZero());
        // The CLI's reset (the same Provisioner.reset()): refused on both hosts with the holder, exit 7.
        StringWriter out = new StringWriter();
        int resetExit = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true))
                .execute("reset", "-i", inventoryFile.toString(), "--yes");
        assertThat(first).as("the reset refused while the first run still ran").isNotDone();
        assertThat(resetExit).as(out.toString()).isEqualTo(7);
        for (String h : List.of("h1", "h2")) {
            assertThat(out.toString()).contains(h + ": FAILED: another run holds the lock on this host: run ")
                    .contains("(pid " + ProcessHandle.current().pid() + ")").contains("nothing was reset");
        }
        assertThat(h1.exec("test -d /var/lib/provisioner/manifest").exitCode()).as("nothing reset on h1").isZero();
        ProvisionReport done = first.get(60, TimeUnit.SECONDS);
        assertThat(done.failures()).isEmpty();
        FaultLab.await(() -> lockFree(h1) && lockFree(h2), Duration.ofSeconds(10));
        h2.execOk("rm -f " + FaultPlan.SLOW_MARKER);
        heals();
    }

    @Test
    @Order(2)
    void anInterruptedRunThreadFinishesTheCurrentStepAndSkipsTheRest() throws Exception {
        h1.execOk("rm -f " + FaultPlan.SLOW_STARTED + "; echo 5 > " + FaultPlan.SLOW_MARKER);
        plan.version++;
        AtomicReference<ProvisionReport> report = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        Thread runner = new Thread(() -> {
            report.set(provisioner().build().apply());
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        runner.start();
        FaultLab.await(() -> h1.exec("test -e " + FaultPlan.SLOW_STARTED).exitCode() == 0, Duration.ofSeconds(60));
        runner.interrupt();
        runner.join(30_000);
        ProvisionReport r = report.get();
        assertThat(flagAfter).as("the interrupt flag is set again when apply returns").isTrue();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.step()).isEqualTo("interrupted");
            assertThat(f.message()).isEqualTo("the run was interrupted; phase " + FaultPlan.AFTER_PHASE + " and later phases were not run");
        });
        // The phase running at the interrupt finished on both hosts, the slow step included; the next did not run.
        assertThat(r.steps()).filteredOn(s -> s.phase().equals(FaultPlan.FILES_PHASE))
                .noneMatch(s -> s.status() == StepStatus.SKIPPED || s.status() == StepStatus.FAILED);
        assertThat(r.steps()).filteredOn(s -> s.step().equals("slow-step") && s.host().equals("h1"))
                .extracting(StepReport::status).containsExactly(StepStatus.CHANGED);
        assertThat(r.steps()).filteredOn(s -> s.phase().equals(FaultPlan.AFTER_PHASE))
                .hasSize(2).allSatisfy(s -> assertThat(s.reason()).isEqualTo("not run: the run was interrupted"));
        h1.execOk("rm -f " + FaultPlan.SLOW_MARKER);
        heals();
    }

    /** A real CLI process: {@code provisioner apply} of the standard plan's prepare-hosts phase. */
    private Process cli(Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.provisioner.cli.Main",
                "apply", "-i", inventoryFile.toString(), "--only", "prepare-hosts", "--state", lab.dir().resolve("cli-state").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    /** Starts the CLI once h2 is frozen (so it waits there), and returns it once it holds h1's lock. */
    private Process cliHoldingTheLockOfH1(Path out) throws IOException {
        // A converged host is read without the lock, which a run takes before its first change; its first exchange
        // takes it at once when an interrupted run left files behind, as planted here. So the CLI holds h1's lock
        // while its preflight waits for the paused h2, and nothing has changed yet.
        h1.execOk("mkdir -p /var/lib/provisioner/stage/left-by-a-lost-run");
        Process p = cli(out);
        FaultLab.await(() -> h1.exec("grep -q '(pid " + p.pid() + ")' " + LOCK + ".holder").exitCode() == 0, Duration.ofSeconds(60));
        assertThat(lockFree(h1)).isFalse();
        return p;
    }

    @Test
    @Order(3)
    void aKilledControllerLeavesNoStaleLock() throws Exception {
        Path out = Files.createTempFile(lab.dir(), "cli", ".out");
        String hosts = h1.execOk("sha256sum /etc/hosts");
        FaultLab.pause(h2);
        try {
            Process p = cliHoldingTheLockOfH1(out);
            p.destroyForcibly();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long killed = System.nanoTime();
            FaultLab.await(() -> lockFree(h1), Duration.ofSeconds(15));
            // Released within a second of the kill on an idle machine; docker exec alone takes seconds on a loaded one.
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(10));
        } finally {
            FaultLab.unpause(h2);
        }
        assertThat(h1.execOk("sha256sum /etc/hosts")).isEqualTo(hosts);
        heals();
    }

    @Test
    @Order(4)
    void ctrlCOnTheCliExits130QuicklyWithNothingHalfDone() throws Exception {
        Path out = Files.createTempFile(lab.dir(), "cli", ".out");
        String hosts = h1.execOk("sha256sum /etc/hosts");
        FaultLab.pause(h2);
        try {
            Process p = cliHoldingTheLockOfH1(out);
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            boolean stopped = p.waitFor(20, TimeUnit.SECONDS);
            assertThat(stopped).as("the CLI stops after Ctrl-C; it printed:%n%s", Files.readString(out)).isTrue();
            String printed = Files.readString(out);
            assertThat(p.exitValue()).as(printed).isEqualTo(130);
            assertThat(printed).contains("Interrupted: finishing the current step")
                    .contains("Interrupted (exit code 130)")
                    .contains("the run was interrupted before any host was changed");
            FaultLab.await(() -> lockFree(h1), Duration.ofSeconds(10));
        } finally {
            FaultLab.unpause(h2);
        }
        assertThat(h1.execOk("sha256sum /etc/hosts")).isEqualTo(hosts);
        heals();
    }
}
