package dev.provisioner.engine;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.HostReport;
import dev.provisioner.api.ProvisionEvent;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepFailure;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.testsupport.FileChecksums;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import dev.provisioner.transport.HostKeyPolicy;
import dev.provisioner.transport.Transport;
import dev.provisioner.transport.TransportKind;
import dev.provisioner.transport.TransportOptions;
import dev.provisioner.connect.Transports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected on three real lab hosts (systemd, OpenSSH) during real runs of a small plan
 * ({@link FaultPlan}): a failing remote command, a host down before the run, a hand-edited file, a full
 * disk, a service that never becomes healthy, a wrong or missing sudo password, a changed host key, a
 * host frozen mid-phase and an SSH connection cut during an upload. For each: the run fails naming
 * host, step and cause; every managed file is its old or its new content ({@link FileChecksums});
 * once the fault is removed the next apply succeeds and the one after changes nothing. Hosts start
 * once; every test leaves them converged. The run lock and Ctrl-C are in {@link RunLockLabTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsLabTest {
    private final FaultPlan plan = new FaultPlan();
    private LabHosts lab;
    private LabHost h1;
    private LabHost h2;
    private LabHost h3;
    private Inventory inventory;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("h1", "h2", "h3");
        h1 = lab.host("h1");
        h2 = lab.host("h2");
        h3 = lab.host("h3");
        inventory = Inventory.load(FaultLab.inventory(lab, "root", ""));
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @AfterEach
    void noLeftoversAfterAHealedRun() {
        for (LabHost h : lab.hosts()) {
            assertThat(FileChecksums.leftovers(h)).as(h.name() + " temporary files").isEmpty();
        }
    }

    private Provisioner.Builder provisioner(Inventory inv) {
        return EngineHooks.builder(inv, p -> plan.plan()).stateDirectory(lab.dir().resolve("state"));
    }

    private Provisioner.Builder provisioner() {
        return provisioner(inventory);
    }

    private static List<StepReport> changed(ProvisionReport r) {
        return r.steps().stream().filter(s -> s.status() == StepStatus.CHANGED).toList();
    }

    private FileChecksums snapshot(LabHost h) {
        return FileChecksums.of(h, FaultPlan.managedPaths());
    }

    /** The fault is gone: the next apply succeeds, the one after changes nothing in one round trip per host. */
    private void heals() {
        ProvisionReport r = provisioner().build().apply();
        assertThat(r.failures()).as("the apply after the fault").isEmpty();
        for (LabHost h : lab.hosts()) {
            assertThat(snapshot(h).asMap()).as(h.name() + " converged").isEqualTo(plan.wanted());
        }
        ProvisionReport again = provisioner().build().apply();
        assertThat(again.failures()).isEmpty();
        assertThat(changed(again)).as("the apply after that changes nothing").isEmpty();
        assertThat(again.hosts()).allSatisfy(h -> assertThat(h.counters().roundTrips()).as(h.host()).isEqualTo(1));
    }

    @Test
    @Order(1)
    void aFreshApplyConvergesAndTheNextChangesNothing() {
        ProvisionReport r = provisioner().build().apply();
        assertThat(r.failures()).isEmpty();
        assertThat(h1.execOk("systemctl is-active " + FaultPlan.UNIT).strip()).isEqualTo("active");
        heals();

        // A changed value: the facts script sees the file differ and takes the lock in the same exchange.
        Map<String, String> generations = new java.util.HashMap<>();
        for (LabHost h : lab.hosts()) {
            generations.put(h.name(), h.execOk("cat /var/lib/provisioner/run.gen"));
        }
        plan.version++;
        ProvisionReport changed = provisioner().build().apply();
        assertThat(changed.failures()).isEmpty();
        assertThat(changed.hosts()).allSatisfy(h -> assertThat(h.counters().roundTrips())
                .as(h.host() + ": the facts and the lock, then the apply of each of the two phases (no lock exchange)")
                .isEqualTo(3));
        for (LabHost h : lab.hosts()) {
            assertThat(h.execOk("cat /var/lib/provisioner/run.gen")).as(h.name() + ": the run took the lock")
                    .isNotEqualTo(generations.get(h.name())).startsWith("run ");
        }
        heals();
    }

    @Test
    @Order(2)
    void aFailingRemoteCommandShowsItsStderrTailAndItsDependentStepsDoNotRun() {
        plan.version++;
        h2.execOk("touch " + FaultStep.MARKER);
        FileChecksums before = snapshot(h2);
        ProvisionReport r = provisioner().build().apply();
        StepFailure f = r.failures().get(0);
        assertThat(r.failures()).hasSize(1);
        assertThat(f.host()).isEqualTo("h2");
        assertThat(f.step()).isEqualTo("fault-check");
        assertThat(f.exitCode()).isEqualTo(42);
        assertThat(f.stderrTail()).contains("first line of noise").endsWith("fault injected by the test: " + FaultStep.MARKER + " exists");
        assertThat(f.message()).startsWith("h2: phase " + FaultPlan.FILES_PHASE + ", step fault-check: ");
        assertThat(r.steps()).filteredOn(s -> s.phase().equals(FaultPlan.AFTER_PHASE))
                .hasSize(3).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.SKIPPED));
        before.assertOldOrNew(h2, plan.wanted());
        h2.execOk("rm " + FaultStep.MARKER);
        heals();
    }

    @Test
    @Order(3)
    void aHostDownBeforeTheRunIsNamedAndNoHostIsChanged() {
        plan.version++;
        FileChecksums one = snapshot(h1);
        FileChecksums two = snapshot(h2);
        h3.execOk("systemctl stop ssh.socket ssh.service 2>/dev/null; systemctl stop ssh");
        try {
            ProvisionReport r = provisioner().build().apply();
            assertThat(r.failures()).singleElement().satisfies(f -> {
                assertThat(f.host()).isEqualTo("h3");
                assertThat(f.step()).isEqualTo("connect");
                assertThat(f.message()).startsWith("h3: phase " + FaultPlan.FILES_PHASE + ", step connect: cannot connect to "
                        + h3.address() + ":22");
            });
            assertThat(changed(r)).isEmpty();
            assertThat(r.steps()).filteredOn(s -> s.status() != StepStatus.FAILED)
                    .allSatisfy(s -> assertThat(s.reason()).isEqualTo("not run: h3 failed before the run (connect), so no host was changed"));
            one.assertUnchanged(h1);
            two.assertUnchanged(h2);
        } finally {
            h3.execOk("systemctl start ssh");
        }
        heals();
    }

    @Test
    @Order(4)
    void aHandEditedFileIsBackedUpBeforeItIsReplacedAndTheRunSaysSo() {
        h1.execOk("echo '# tuned by hand' >> " + FaultPlan.B);
        String edited = h1.execOk("sha256sum < " + FaultPlan.B).split(" ")[0];
        plan.version++;
        List<ProvisionEvent> events = new CopyOnWriteArrayList<>();
        ProvisionReport r = provisioner().listener(events::add).build().apply();
        assertThat(r.failures()).isEmpty();
        String backups = h1.execOk("find /var/lib/provisioner/backups -type f | sort").strip();
        assertThat(backups).matches("/var/lib/provisioner/backups/\\d{8}T\\d{6}Z" + FaultPlan.B);
        assertThat(h1.execOk("sha256sum < " + backups).split(" ")[0]).isEqualTo(edited);
        assertThat(h1.execOk("stat -c %a /var/lib/provisioner/backups").strip()).isEqualTo("700");
        assertThat(events).filteredOn(e -> e instanceof ProvisionEvent.OutputLine o && o.host().equals("h1"))
                .map(e -> ((ProvisionEvent.OutputLine) e).line())
                .contains("provisioner: backed up hand-edited " + FaultPlan.B
                        + " (it changed since provisioner last wrote it) to " + backups);
        assertThat(r.steps()).filteredOn(s -> s.step().equals("config")).allSatisfy(s -> assertThat(s.actions())
                .filteredOn(a -> a.description().contains(dev.provisioner.step.HandEdits.REASON))
                .extracting(a -> s.host() + " " + a.description())
                .containsExactlyElementsOf(s.host().equals("h1") ? List.of("h1 write " + FaultPlan.B + " (content differs, "
                        + dev.provisioner.step.HandEdits.REASON + ")") : List.of()));
        // Files that merely differ from a new desired content (a.conf, b.conf on h2 and h3) are not backed up.
        for (LabHost h : List.of(h2, h3)) {
            assertThat(h.execOk("find /var/lib/provisioner/backups -type f 2>/dev/null | wc -l").strip()).isEqualTo("0");
        }
        heals();
    }

    @Test
    @Order(5)
    void aFullDiskDuringAConfigWriteKeepsTheOldConfig() {
        // A 256 KiB tmpfs over the managed directory, holding the current files, then filled up.
        h2.execOk("mkdir -p /root/fl && cp -a " + FaultPlan.DIR + "/. /root/fl/ && mount -t tmpfs -o size=256k tmpfs " + FaultPlan.DIR
                + " && cp -a /root/fl/. " + FaultPlan.DIR + "/ && (dd if=/dev/zero of=" + FaultPlan.DIR + "/fill bs=4k 2>/dev/null || true)");
        try {
            FileChecksums before = snapshot(h2);
            plan.version++;
            ProvisionReport r = provisioner().build().apply();
            assertThat(r.failures()).singleElement().satisfies(f -> {
                assertThat(f.host()).isEqualTo("h2");
                assertThat(f.step()).isEqualTo("config");
                assertThat(f.stderrTail()).contains("No space left on device");
            });
            before.assertUnchanged(h2);
            assertThat(h2.execOk("ls -A " + FaultPlan.DIR).lines().toList()).containsExactlyInAnyOrder("a.conf", "after.conf", "b.conf", "fill");
        } finally {
            h2.execOk("umount " + FaultPlan.DIR + " && rm -rf /root/fl");
        }
        heals();
    }

    @Test
    @Order(6)
    void aServiceThatNeverBecomesHealthyTimesOutWithItsJournalTail() {
        plan.healthy = false;
        plan.healthTimeout = Duration.ofSeconds(3);
        try {
            long t = System.nanoTime();
            ProvisionReport r = provisioner().limitHosts(List.of("h1")).build().apply();
            assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(20));
            assertThat(r.failures()).singleElement().satisfies(f -> {
                assertThat(f.host()).isEqualTo("h1");
                assertThat(f.step()).isEqualTo("service");
                assertThat(f.stderrTail()).contains("journal: faultlab: " + FaultPlan.A + " does not say healthy=yes")
                        .endsWith("health check failed after 3s: " + FaultPlan.UNIT + " is ready");
            });
        } finally {
            plan.healthy = true;
            plan.healthTimeout = Duration.ofSeconds(20);
        }
        heals();
    }

    @Test
    @Order(7)
    void aWrongSudoPasswordFailsAtOnceWithoutRetryAndChangesNothing() throws Exception {
        Path wrong = lab.dir().resolve("wrong-sudo-password");
        Files.writeString(wrong, "not-the-password\n");
        Files.setPosixFilePermissions(wrong, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Inventory operator = Inventory.load(FaultLab.inventory(lab, "operator", "sudo: password\n  sudoPassword: ${file:" + wrong + "}\n"));
        plan.version++;
        FileChecksums before = snapshot(h1);
        String failuresBefore = h1.execOk("journalctl _COMM=sudo --no-pager | grep -c 'incorrect password attempt' || true").strip();
        long t = System.nanoTime();
        ProvisionReport r = provisioner(operator).limitHosts(List.of("h1")).build().apply();
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(15));
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.host()).isEqualTo("h1");
            assertThat(f.step()).isEqualTo("sudo");
            assertThat(f.message()).contains("sudo refused the password for user 'operator' (not retried");
        });
        before.assertUnchanged(h1);
        String failuresAfter = h1.execOk("journalctl _COMM=sudo --no-pager | grep -c 'incorrect password attempt' || true").strip();
        assertThat(Integer.parseInt(failuresAfter)).as("one refused attempt, not three").isEqualTo(Integer.parseInt(failuresBefore) + 1);

        Inventory noPassword = Inventory.load(FaultLab.inventory(lab, "operator", "sudo: passwordless\n"));
        t = System.nanoTime();
        ProvisionReport r2 = provisioner(noPassword).limitHosts(List.of("h1")).build().apply();
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(15));
        assertThat(r2.failures()).singleElement().satisfies(f -> {
            assertThat(f.step()).isEqualTo("sudo");
            assertThat(f.message()).contains("sudo needs a password for user 'operator' but none is configured");
        });
        before.assertUnchanged(h1);
        heals();
    }

    @Test
    @Order(8)
    void aChangedHostKeyIsRefusedBeforeAuthenticationAndNoCommandRuns() {
        h3.execOk("mkdir -p /root/hostkeys && cp -a /etc/ssh/ssh_host_* /root/hostkeys/ && rm -f /etc/ssh/ssh_host_*"
                + " && ssh-keygen -A >/dev/null && systemctl restart ssh");
        try {
            plan.version++;
            String logins = h3.execOk("journalctl -u ssh --no-pager | grep -c 'Accepted publickey' || true").strip();
            FileChecksums before = snapshot(h3);
            ProvisionReport r = provisioner().build().apply();
            assertThat(r.failures()).singleElement().satisfies(f -> {
                assertThat(f.host()).isEqualTo("h3");
                assertThat(f.step()).isEqualTo("connect");
                assertThat(f.message()).containsIgnoringCase("host key").contains(h3.address());
            });
            assertThat(changed(r)).isEmpty();
            before.assertUnchanged(h3);
            assertThat(h3.execOk("journalctl -u ssh --no-pager | grep -c 'Accepted publickey' || true").strip())
                    .as("no login on the host with the changed key").isEqualTo(logins);
        } finally {
            h3.execOk("cp -a /root/hostkeys/. /etc/ssh/ && rm -rf /root/hostkeys && systemctl restart ssh");
        }
        heals();
    }

    @Test
    @Order(9)
    void aHostFrozenMidPhaseIsDroppedByTheKeepAliveInBoundedTime() throws Exception {
        Transport fastKeepAlive = Transports.create(TransportKind.SSHJ, TransportOptions.of(lab.knownHosts(), HostKeyPolicy.STRICT)
                .withKeepAlive(Duration.ofSeconds(1)).withConnectTimeout(Duration.ofSeconds(5)));
        h3.execOk("echo 27 > " + FaultPlan.SLOW_MARKER);
        plan.version++;
        FileChecksums before = snapshot(h3);
        CompletableFuture<ProvisionReport> run = CompletableFuture.supplyAsync(() -> EngineHooks.connectionFactory(provisioner(),
                (host, endpoint) -> fastKeepAlive.connect(endpoint)).build().apply());
        FaultLab.await(() -> h3.exec("pgrep -fx 'sleep 27'").exitCode() == 0, Duration.ofSeconds(30));
        long frozenAt = System.nanoTime();
        FaultLab.pause(h3);
        try {
            ProvisionReport r = run.get(60, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - frozenAt)).as("noticed by the keep-alive").isLessThan(Duration.ofSeconds(20));
            assertThat(r.failures()).singleElement().satisfies(f -> {
                assertThat(f.host()).isEqualTo("h3");
                assertThat(f.phase()).isEqualTo(FaultPlan.FILES_PHASE);
            });
            // The other hosts finished the phase; nobody ran the next one.
            for (String h : List.of("h1", "h2")) {
                assertThat(r.host(h).orElseThrow().steps()).filteredOn(s -> s.phase().equals(FaultPlan.FILES_PHASE))
                        .noneMatch(s -> s.status() == StepStatus.FAILED || s.status() == StepStatus.SKIPPED);
            }
            assertThat(r.steps()).filteredOn(s -> s.phase().equals(FaultPlan.AFTER_PHASE))
                    .allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.SKIPPED));
        } finally {
            FaultLab.unpause(h3);
        }
        before.assertOldOrNew(h3, plan.wanted());
        // The script orphaned by the lost connection is still sleeping: stop it, as its owner would.
        h3.execOk("rm -f " + FaultPlan.SLOW_MARKER + "; pkill -fx 'sleep 27' || true");
        heals();
    }

    @Test
    @Order(10)
    void anSshConnectionCutDuringAnUploadKeepsTheOldFileAndTheNextRunCleansUp() {
        plan.blob = FaultPlan.randomBlob(24, 1);
        provisioner().limitHosts(List.of("h1")).build().apply().orThrow();
        String old = h1.execOk("sha256sum < " + FaultPlan.BLOB).split(" ")[0];
        plan.blob = FaultPlan.randomBlob(24, 2);
        // On the host: as soon as the staged copy grows, every SSH connection is cut (sshd's children killed).
        CompletableFuture<LabHost.Exec> cutter = CompletableFuture.supplyAsync(() -> h1.exec(
                "for i in $(seq 1 600); do for f in /tmp/.provisioner-upload-*/0; do"
                        + " if [ -f \"$f\" ] && [ $(stat -c %s \"$f\") -gt 1048576 ]; then"
                        + " pkill -KILL -P $(cat /run/sshd.pid); echo cut; exit 0; fi; done; sleep 0.02; done; echo never; exit 1"));
        ProvisionReport r = provisioner().limitHosts(List.of("h1")).build().apply();
        assertThat(cutter.join().stdout()).contains("cut");
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.host()).isEqualTo("h1");
            assertThat(f.step()).isEqualTo("config");
            assertThat(f.message()).contains("upload");
        });
        assertThat(h1.execOk("sha256sum < " + FaultPlan.BLOB).split(" ")[0]).as("the old blob stays").isEqualTo(old);
        assertThat(FileChecksums.leftovers(h1)).as("the cut upload left its staging behind").isNotEmpty();
        provisioner().limitHosts(List.of("h1")).build().apply().orThrow();
        assertThat(FileChecksums.leftovers(h1)).as("the next run removed it").isEmpty();
        plan.blob = null;
        h1.execOk("rm -rf /opt/faultlab");
        heals();
    }

    @Test
    @Order(11)
    void everyHostEndsConvergedWithAllItsFilesAsWanted() {
        for (LabHost h : lab.hosts()) {
            assertThat(snapshot(h).asMap()).isEqualTo(plan.wanted());
            assertThat(h.execOk("systemctl is-active " + FaultPlan.UNIT).strip()).isEqualTo("active");
        }
        List<HostReport> hosts = provisioner().build().plan().hosts();
        assertThat(hosts).allSatisfy(h -> assertThat(h.steps()).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.UNCHANGED)));
    }
}
