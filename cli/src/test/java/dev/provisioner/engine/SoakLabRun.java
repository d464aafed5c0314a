package dev.provisioner.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepStatus;
import dev.provisioner.component.etcd.EtcdPhase;
import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.component.pki.PkiPhase;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.operation.RunLock;
import dev.provisioner.testsupport.FileChecksums;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak: on three real lab hosts (three etcd members from Debian's packages, real sshd and systemd),
 * {@code soak.rounds} rounds (default 30) of: a managed file hand-changed (the run's work), a random
 * {@link SoakFault} on a random host, an apply with that fault (before the run or while it holds the host's
 * run lock; for the controller kill a real {@code provisioner apply} process, otherwise the library in this JVM), then the fault healed, a converging apply that
 * must succeed and a plan that must be empty. Throughout the faulted run and the converge, every managed
 * file on every host is sampled and must be its old or its new content; after each round every etcd key the
 * soak wrote must still be there. The random choices come from {@code soak.seed} (printed; the same seed
 * replays the same faults, hosts and drifts). Results go to {@code soak.results} (JSON, and a Markdown
 * table beside it). Run with {@code bin/soak}; not part of the normal build (the class name is not a test
 * name surefire picks up, and it needs {@code -Dsoak.rounds}).
 */
@EnabledIfSystemProperty(named = "soak.rounds", matches = "\\d+")
class SoakLabRun {
    private static final List<String> PHASES = List.of(PrepareHostsPhase.TITLE, PkiPhase.TITLE, EtcdPhase.TITLE);
    private static final String ETCD_CONF = "/etc/etcd/etcd.conf";
    private static final Duration FAULTED_RUN_LIMIT = Duration.ofMinutes(5);

    private LabHosts lab;
    private Path inventoryFile;
    private Path state;
    private Random random;
    private final List<String> etcdKeys = new ArrayList<>();
    /** The managed files of each host: the engine's manifest (regular files outside etcd's data) and /etc/hosts. */
    private final Map<LabHost, List<String>> managed = new LinkedHashMap<>();
    /** The converged content (sha256) of each host's managed files. */
    private final Map<LabHost, Map<String, String>> wanted = new LinkedHashMap<>();

    @Test
    void soak() throws Exception {
        int rounds = Integer.parseInt(System.getProperty("soak.rounds"));
        long seed = Long.parseLong(System.getProperty("soak.seed", Long.toString(new Random().nextLong())));
        Path results = Path.of(System.getProperty("soak.results", "target/soak/soak-" + seed + ".json")).toAbsolutePath();
        System.out.println("[soak] seed " + seed + " (replay: bin/soak " + rounds + " " + seed + "), results " + results);
        random = new Random(seed);
        long started = System.nanoTime();
        List<SoakRound> done = new ArrayList<>();
        double setupSeconds = 0;
        try (LabHosts hosts = LabHosts.start("s1", "s2", "s3")) {
            lab = hosts;
            setUp();
            setupSeconds = seconds(started);
            System.out.printf("[soak] set up in %.0f s: %d managed files on each host%n", setupSeconds, managed.values().iterator().next().size());
            for (int n = 1; n <= rounds; n++) {
                SoakRound r = round(n);
                done.add(r);
                System.out.printf("[soak] round %d %s on %s: faulted result %d, converge %s, plan changes %d, samples %d, torn %d,"
                                + " keys %d/%d, %.0f s: %s%n", n, r.fault(), r.host(), r.faultedExit(), r.convergeOk() ? "ok" : "FAILED",
                        r.planChanges(), r.samples(), r.torn().size(), r.etcdKeys(), r.etcdKeysWanted(), r.seconds(),
                        r.passed() ? "PASS" : "FAIL");
                write(results, seed, rounds, setupSeconds, seconds(started), done);
            }
        }
        write(results, seed, rounds, setupSeconds, seconds(started), done);
        assertThat(done).as("soak rounds that failed (seed " + seed + ", see " + results + ")")
                .filteredOn(r -> !r.passed()).isEmpty();
    }

    private void setUp() throws Exception {
        for (LabHost h : lab.hosts()) {
            assertThat(h.exec("iptables -S INPUT").exitCode()).as(h.name() + ": iptables works in the lab image").isZero();
        }
        StringBuilder hosts = new StringBuilder();
        for (LabHost h : lab.hosts()) {
            hosts.append("  - name: ").append(h.name()).append("\n    address: ").append(h.address())
                    .append(h == lab.hosts().get(0) ? "\n    roles: [master, node]\n" : "\n    roles: [master]\n");
        }
        inventoryFile = Files.writeString(lab.dir().resolve("soak.yaml"), """
                defaults:
                  user: root
                  auth:
                    keyFile: %s
                hosts:
                %scluster:
                  name: soak
                  registry:
                    enabled: false
                  install:
                    etcd: packages
                  ssh:
                    knownHosts: %s
                    hostKeyPolicy: strict
                """.formatted(lab.keys().ed25519(), hosts, lab.knownHosts()));
        state = lab.dir().resolve("state");
        ProvisionReport first = provisioner().build().apply();
        assertThat(first.failures()).as("the first apply").isEmpty();
        for (LabHost h : lab.hosts()) {
            List<String> files = new ArrayList<>(h.execOk("while read -r f; do case \"$f\" in /var/lib/etcd/*) ;; *) test -f \"$f\" && echo \"$f\";;"
                    + " esac; done < " + HostManifest.FILES + "; echo /etc/hosts").lines().filter(l -> !l.isBlank()).distinct().toList());
            assertThat(files).as(h.name() + " managed files").contains(SoakFault.ETCD_UNIT, ETCD_CONF);
            managed.put(h, files);
            wanted.put(h, FileChecksums.of(h, files).asMap());
        }
        for (int i = 0; i < 5; i++) {
            putKey("/soak/setup-" + i);
        }
        assertThat(countKeys(lab.hosts().get(0))).isEqualTo(etcdKeys.size());
    }

    private Provisioner.Builder provisioner() {
        return EngineHooks.builder(Inventory.load(inventoryFile)).stateDirectory(state).onlyPhases(PHASES);
    }

    private SoakRound round(int n) throws Exception {
        long started = System.nanoTime();
        List<LabHost> hosts = lab.hosts();
        SoakFault fault = SoakFault.values()[random.nextInt(SoakFault.values().length)];
        LabHost target = hosts.get(random.nextInt(hosts.size()));
        LabHost drifted = hosts.get(random.nextInt(hosts.size()));
        String drift = drift(drifted, n);
        long midRunDelayMs = random.nextInt(1500);
        String detail = fault.midRun ? null : fault.inject(target, random);
        // The old content of every file (drift and pre-run fault applied); the new one is the converged content.
        Map<LabHost, Map<String, String>> old = new LinkedHashMap<>();
        for (LabHost h : hosts) {
            old.put(h, FileChecksums.of(h, managed.get(h)).asMap());
        }
        Sampler sampler = new Sampler(old);
        Thread sampling = new Thread(sampler, "soak-sampler");
        sampling.start();

        long runStarted = System.nanoTime();
        FaultedRun run = fault == SoakFault.CONTROLLER_SIGKILL ? new CliRun(n) : new InProcessRun();
        boolean hitMidRun = false;
        if (fault.midRun) {
            String holder = "grep -q '(pid " + run.pid() + ")' " + RunLock.HOLDER;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (run.isAlive() && target.exec(holder).exitCode() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(midRunDelayMs);
            hitMidRun = run.isAlive();
            if (fault == SoakFault.CONTROLLER_SIGKILL) {
                ((CliRun) run).process.destroyForcibly();
            }
            detail = fault.inject(target, random) + " after the run held the lock +" + midRunDelayMs + " ms";
        }
        boolean finished = run.await(FAULTED_RUN_LIMIT);
        double faultedSeconds = seconds(runStarted);
        int exit = finished ? run.exitCode() : -1;
        String summary = (finished ? "" : "HUNG: given up after " + FAULTED_RUN_LIMIT + "; ") + run.summary();
        List<String> convergeErrors = new ArrayList<>();
        try {
            fault.heal(target);
        } catch (RuntimeException | AssertionError e) {
            convergeErrors.add("the fault could not be removed: " + e.getMessage()); // fails the round, the soak goes on
        }

        double lockFree = -1;
        if (fault == SoakFault.CONTROLLER_SIGKILL) {
            long killed = System.nanoTime();
            try {
                FaultLab.await(() -> hosts.stream().allMatch(h -> h.exec("flock -n " + SoakFault.RUN_LOCK + " true").exitCode() == 0),
                        Duration.ofSeconds(30));
                lockFree = seconds(killed);
            } catch (AssertionError e) {
                convergeErrors.add("a run lock was still taken 30 s after the controller was killed");
            }
        }

        ProvisionReport converge = provisioner().build().apply();
        converge.failures().forEach(f -> convergeErrors.add(f.message()));
        sampler.stop();
        sampling.join();
        if (!convergeErrors.isEmpty()) {
            // Recorded as a failure of the round; a second apply lets the next rounds start converged.
            provisioner().build().apply().failures().forEach(f -> convergeErrors.add("second apply: " + f.message()));
        }
        ProvisionReport plan = provisioner().build().plan();
        int planChanges = (int) plan.steps().stream().filter(s -> s.status() == StepStatus.CHANGED).count() + plan.failures().size();
        boolean asWanted = true;
        List<String> leftovers = new ArrayList<>();
        for (LabHost h : hosts) {
            asWanted &= FileChecksums.of(h, managed.get(h)).asMap().equals(wanted.get(h));
            FileChecksums.leftovers(h).forEach(l -> leftovers.add(h.name() + ":" + l));
        }
        putKey("/soak/round-" + n);
        int keys = countKeys(hosts.get(random.nextInt(hosts.size())));
        boolean passed = finished && convergeErrors.isEmpty() && planChanges == 0 && sampler.torn.isEmpty() && asWanted
                && leftovers.isEmpty() && keys == etcdKeys.size() && (fault != SoakFault.CONTROLLER_SIGKILL || (lockFree >= 0 && lockFree < 15));
        return new SoakRound(n, fault, target.name(), detail, drift, hitMidRun, exit, faultedSeconds, summary, lockFree,
                sampler.samples.get(), List.copyOf(sampler.torn), convergeErrors.isEmpty(), convergeErrors, planChanges, asWanted,
                leftovers, keys, etcdKeys.size(), seconds(started), passed);
    }

    /** Hand-changes one managed file of {@code h}: the /etc/hosts block or etcd's configuration. */
    private String drift(LabHost h, int n) {
        if (random.nextBoolean()) {
            // In place: /etc/hosts is a bind mount in a container, so sed -i's rename fails (EBUSY)
            // Byte for byte apart from the one line (a $(...) would drop the file's trailing blank lines, outside the block)
            // Only inside the managed block: Docker's own line for the container's name is outside it, and the engine
            // rightly leaves that alone
            h.execOk("sed '/^# BEGIN provisioner/,/^# END provisioner/ s/\\t" + h.name() + "$/\\t" + h.name() + " soak-drift-" + n
                    + "/' /etc/hosts > /root/hosts.soak"
                    + " && cat /root/hosts.soak > /etc/hosts && rm /root/hosts.soak");
            return h.name() + ":/etc/hosts";
        }
        h.execOk("echo '# soak drift " + n + "' >> " + ETCD_CONF);
        return h.name() + ":" + ETCD_CONF;
    }

    /** The faulted apply: the real CLI in a JVM of its own (for the controller kill) or the library in this JVM. */
    private interface FaultedRun {
        long pid();

        boolean isAlive();

        boolean await(Duration limit) throws InterruptedException;

        /** The CLI's exit code; in this JVM 0 for a run without failures, else the number of failures. */
        int exitCode();

        String summary() throws IOException;
    }

    /** {@code provisioner apply} of the soak's phases, a real CLI process on this test's classpath. */
    private final class CliRun implements FaultedRun {
        final Process process;
        private final Path out;

        CliRun(int n) throws IOException {
            out = Files.createTempFile(lab.dir(), "round-" + n + "-", ".out");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.provisioner.cli.Main",
                    "apply", "-i", inventoryFile.toString(), "--only", String.join(",", PHASES), "--state", state.toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        }

        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        public boolean await(Duration limit) throws InterruptedException {
            if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor();
            return false;
        }

        public int exitCode() {
            return process.exitValue();
        }

        public String summary() throws IOException {
            List<String> lines = Files.readAllLines(out).stream().filter(l -> !l.isBlank()).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 4), lines.size()));
        }
    }

    /** The same apply through the library in this JVM (no JVM start-up per round on a loaded machine). */
    private final class InProcessRun implements FaultedRun {
        private final java.util.concurrent.CompletableFuture<ProvisionReport> report =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> provisioner().build().apply());

        public long pid() {
            return ProcessHandle.current().pid();
        }

        public boolean isAlive() {
            return !report.isDone();
        }

        public boolean await(Duration limit) throws InterruptedException {
            try {
                report.get(limit.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                return true;
            }
        }

        public int exitCode() {
            return report.isCompletedExceptionally() ? -2 : report.join().failures().size();
        }

        public String summary() {
            if (report.isCompletedExceptionally()) {
                return "threw: " + report.handle((r, e) -> String.valueOf(e)).join();
            }
            ProvisionReport r = report.join();
            return r.failures().isEmpty() ? "ok" : String.join("\n", r.failures().stream().map(f -> f.message()).toList());
        }
    }

    private static String etcdctl(LabHost h, String args) {
        return "ETCDCTL_API=3 etcdctl --endpoints=https://" + h.address() + ":2379 --cacert=/etc/etcd/pki/ca.crt"
                + " --cert=/etc/etcd/pki/root-client.crt --key=/etc/etcd/pki/root-client.key --dial-timeout=3s"
                + " --command-timeout=10s " + args;
    }

    private void putKey(String key) {
        LabHost h = lab.hosts().get(random.nextInt(lab.hosts().size()));
        String value = "value-of-" + key;
        h.execOk(etcdctl(h, "put " + key + " " + value));
        etcdKeys.add(key);
    }

    /** How many of the keys the soak wrote etcd returns, with their values, read through {@code h}. */
    private int countKeys(LabHost h) {
        List<String> lines = h.execOk(etcdctl(h, "get --prefix /soak/")).lines().toList();
        Set<String> found = new HashSet<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            if (lines.get(i + 1).equals("value-of-" + lines.get(i))) {
                found.add(lines.get(i));
            }
        }
        return (int) etcdKeys.stream().filter(found::contains).count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }

    /** Samples every managed file of every host until stopped; a content that is neither old nor new is torn. */
    private final class Sampler implements Runnable {
        private final Map<LabHost, Map<String, String>> old;
        private final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger samples = new AtomicInteger();
        final List<String> torn = Collections.synchronizedList(new ArrayList<>());

        Sampler(Map<LabHost, Map<String, String>> old) {
            this.old = old;
        }

        void stop() {
            stop.set(true);
        }

        @Override
        public void run() {
            while (!stop.get()) {
                sleep(200); // docker exec is costly on a loaded machine; ~1 sample of every file per second
                for (LabHost h : lab.hosts()) {
                    Map<String, String> now;
                    try {
                        now = FileChecksums.of(h, managed.get(h)).asMap();
                    } catch (RuntimeException | AssertionError e) {
                        continue; // docker exec itself failed (a loaded machine); the next sample counts
                    }
                    now.forEach((path, sha) -> {
                        samples.incrementAndGet();
                        if (!sha.equals(old.get(h).get(path)) && !sha.equals(wanted.get(h).get(path))) {
                            torn.add(h.name() + ":" + path + " " + sha);
                        }
                    });
                }
            }
        }
    }

    private static void write(Path results, long seed, int rounds, double setupSeconds, double totalSeconds, List<SoakRound> done)
            throws IOException {
        Files.createDirectories(results.getParent());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("seed", seed);
        doc.put("roundsAsked", rounds);
        doc.put("roundsRun", done.size());
        doc.put("passed", done.stream().filter(SoakRound::passed).count());
        doc.put("setupSeconds", setupSeconds);
        doc.put("totalSeconds", totalSeconds);
        Map<String, Long> byFault = new LinkedHashMap<>();
        for (SoakFault f : SoakFault.values()) {
            byFault.put(f.name(), done.stream().filter(r -> r.fault() == f).count());
        }
        doc.put("faults", byFault);
        doc.put("rounds", done);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(results.toFile(), doc);
        StringBuilder md = new StringBuilder("| round | fault | host | mid-run hit | faulted exit / failures | faulted s | converge | plan changes"
                + " | samples | torn | etcd keys | s | result |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (SoakRound r : done) {
            md.append(String.format("| %d | %s | %s | %s | %d | %.1f | %s | %d | %d | %d | %d/%d | %.0f | %s |%n", r.round(), r.fault(),
                    r.host(), r.fault().midRun ? (r.hitMidRun() ? "yes" : "no (run over)") : "before", r.faultedExit(),
                    r.faultedSeconds(), r.convergeOk() ? "ok" : "FAILED", r.planChanges(), r.samples(), r.torn().size(),
                    r.etcdKeys(), r.etcdKeysWanted(), r.seconds(), r.passed() ? "pass" : "FAIL"));
        }
        Files.writeString(results.resolveSibling(results.getFileName().toString().replaceFirst("\\.json$", "") + ".md"), md);
    }
}
