package dev.provisioner.component;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.HostReport;
import dev.provisioner.api.ProvisionEvent;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;
import dev.provisioner.cli.Main;
import dev.provisioner.component.etcd.EtcdPhase;
import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.component.pki.PkiPhase;
import dev.provisioner.component.prereq.PrerequisitesPhase;
import dev.provisioner.component.registry.RegistryPhase;
import dev.provisioner.component.runtime.ContainerRuntimePhase;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.Plan;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Day-2 operations on three real lab hosts (systemd, OpenSSH, real apt), hosts started once, tests in order:
 * <ol>
 *   <li>add a node: node01 (master, node, registry) and node02 applied, then node03 added to the inventory:
 *       the second apply changes only node03 plus the /etc/hosts block of node01 and node02;</li>
 *   <li>a rolling upgrade of "kubelet" (a Debian program standing in, see {@link StandinKubelet}) through the
 *       real release-binary step: one node at a time, each checked before the next, the running binary replaced
 *       atomically (a plain copy onto it fails with "Text file busy" on the same host);</li>
 *   <li>a minor-skipping upgrade refused before any host changed, read from the versions recorded on the hosts;</li>
 *   <li>a broken version stops the rollout after the first batch, the others left at the old version, running;</li>
 *   <li>{@code provisioner reset --yes} takes every host back to its snapshot from before the first apply:
 *       package list, checksums of /etc and of the managed paths, unit files.</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DayTwoLabTest {
    private static final List<String> PHASES = List.of(PrepareHostsPhase.TITLE, PrerequisitesPhase.TITLE, PkiPhase.TITLE,
            RegistryPhase.TITLE, EtcdPhase.TITLE, ContainerRuntimePhase.TITLE);
    private static final List<String> NODES = List.of("node01", "node02", "node03");
    private LabHosts lab;
    private Path state;
    private Path artifacts;
    private final Map<String, String> before = new LinkedHashMap<>();
    private final Map<String, String> sha = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start(NODES.toArray(String[]::new));
        state = lab.dir().resolve("state");
        for (String n : NODES) {
            before.put(n, Snapshot.of(lab.host(n)));
        }
        artifacts = lab.dir().resolve("artifacts");
        Path sleep = lab.dir().resolve("sleep");
        Process cp = new ProcessBuilder("docker", "cp", lab.host("node01").containerId() + ":/usr/bin/sleep", sleep.toString())
                .redirectErrorStream(true).start();
        assertThat(cp.waitFor()).as(new String(cp.getInputStream().readAllBytes())).isZero();
        byte[] v131 = Files.readAllBytes(sleep);
        // Versions the pinned catalogue does not know (it pins the real 1.34 kubelet), so the artifacts' SHA256SUMS decide.
        // 1.32.0: the same program with bytes appended (an ELF file ignores trailing data): runnable, another checksum.
        byte[] v132 = concat(v131, "\nprovisioner lab kubelet 1.32.0\n".getBytes());
        byte[] v133 = "#!/bin/sh\necho 'stand-in 1.33.0 is broken' >&2\nexit 1\n".getBytes();
        StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, byte[]> e : Map.of("1.31.0", v131, "1.32.0", v132, "1.33.0", v133).entrySet()) {
            String rel = "v" + e.getKey() + "/linux/amd64/kubelet";
            Files.createDirectories(artifacts.resolve(rel).getParent());
            Files.write(artifacts.resolve(rel), e.getValue());
            sha.put(e.getKey(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(e.getValue())));
            sums.append(sha.get(e.getKey())).append("  ").append(rel).append('\n');
        }
        Files.writeString(artifacts.resolve("SHA256SUMS"), sums.toString());
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private Path inventoryFile(List<String> hosts, String kubernetes) throws Exception {
        StringBuilder h = new StringBuilder();
        for (String n : hosts) {
            h.append("  - name: ").append(n).append("\n    address: ").append(lab.host(n).address())
             .append("\n    roles: ").append(n.equals("node01") ? "[master, node, registry]" : "[node]").append('\n');
        }
        Path file = lab.dir().resolve("inventory-" + hosts.size() + "-" + kubernetes + ".yaml");
        Files.writeString(file, """
                defaults:
                  user: root
                  auth:
                    keyFile: %s
                hosts:
                %scluster:
                  name: daytwo
                  versions:
                    kubernetes: "%s"
                  install:
                    etcd: packages
                    containerd: packages
                  ssh:
                    knownHosts: %s
                    hostKeyPolicy: strict
                """.formatted(lab.keys().ed25519(), h, kubernetes, lab.knownHosts()));
        return file;
    }

    private Provisioner.Builder base(List<String> hosts, String kubernetes) throws Exception {
        return EngineHooks.builder(Inventory.load(inventoryFile(hosts, kubernetes))).stateDirectory(state);
    }

    private Provisioner standin(String kubernetes, List<ProvisionEvent> events) throws Exception {
        Inventory inv = Inventory.load(inventoryFile(NODES, kubernetes));
        return EngineHooks.builder(inv, p -> Plan.of(StandinKubelet.phase(inv, artifacts, state))).stateDirectory(state).listener(events::add).build();
    }

    private String sh(String host, String script) {
        return lab.host(host).execOk(script).strip();
    }

    private static List<String> changed(ProvisionReport r, String host) {
        return r.steps().stream().filter(s -> s.host().equals(host) && s.status() == StepStatus.CHANGED)
                .map(s -> s.phase() + "/" + s.step()).toList();
    }

    @Test
    @Order(1)
    void addingNode03ChangesOnlyNode03AndTheHostsBlockElsewhere() throws Exception {
        long t = System.nanoTime();
        ProvisionReport first = base(List.of("node01", "node02"), "1.34.0").onlyPhases(PHASES).build().apply();
        System.out.println("two hosts: " + (System.nanoTime() - t) / 1_000_000 + " ms");
        assertThat(first.failures()).isEmpty();

        t = System.nanoTime();
        ProvisionReport added = base(NODES, "1.34.0").onlyPhases(PHASES).build().apply();
        System.out.println("node03 added: " + (System.nanoTime() - t) / 1_000_000 + " ms");
        for (HostReport h : added.hosts()) {
            System.out.println(h.host() + " changed " + changed(added, h.host()) + " " + h.counters());
        }
        assertThat(added.failures()).isEmpty();
        for (String old : List.of("node01", "node02")) {
            assertThat(changed(added, old)).as(old).containsExactly(PrepareHostsPhase.TITLE + "/etc-hosts");
            HostReport h = added.host(old).orElseThrow();
            assertThat(h.counters().filesWritten()).as(old + ": only /etc/hosts").isEqualTo(1);
            assertThat(h.counters().unitsRestarted()).as(old).isZero();
            assertThat(sh(old, "getent hosts node03")).contains(lab.host("node03").address());
        }
        assertThat(changed(added, "node03")).contains(ContainerRuntimePhase.TITLE + "/containerd-packages");
        assertThat(sh("node03", "systemctl is-active containerd")).isEqualTo("active");
    }

    @Test
    @Order(2)
    void aRollingUpgradeReplacesTheRunningBinaryOneNodeAtATime() throws Exception {
        List<ProvisionEvent> events = new CopyOnWriteArrayList<>();
        ProvisionReport installed = standin("1.31.0", events).apply();
        assertThat(installed.failures()).isEmpty();
        for (String n : NODES) {
            assertThat(sh(n, "cat /var/lib/provisioner/versions/kubelet")).isEqualTo("1.31.0");
            assertThat(sh(n, "systemctl is-active " + StandinKubelet.UNIT)).isEqualTo("active");
        }
        // The hazard is real on this host: copying onto the running program fails.
        LabHost.Exec busy = lab.host("node02").exec("cp /usr/bin/true " + StandinKubelet.BINARY);
        assertThat(busy.exitCode()).isNotZero();
        assertThat(busy.stderr()).contains("Text file busy");

        events.clear();
        ProvisionReport up = standin("1.32.0", events).upgrade(1);
        assertThat(up.failures()).isEmpty();
        List<String> order = new ArrayList<>();
        for (ProvisionEvent e : events) {
            if (e instanceof ProvisionEvent.HostStarted s) {
                order.add("start " + s.host());
            } else if (e instanceof ProvisionEvent.HostFinished f) {
                order.add("end " + f.host());
            }
        }
        assertThat(order).as("one node at a time").containsExactly("start node01", "end node01", "start node02", "end node02",
                "start node03", "end node03");
        for (String n : NODES) {
            assertThat(sh(n, "sha256sum " + StandinKubelet.BINARY)).startsWith(sha.get("1.32.0"));
            assertThat(sh(n, "cat /var/lib/provisioner/versions/kubelet")).isEqualTo("1.32.0");
            assertThat(sh(n, "systemctl is-active " + StandinKubelet.UNIT)).isEqualTo("active");
            StepReport health = up.steps().stream().filter(s -> s.host().equals(n) && s.step().equals("batch-health")).findFirst().orElseThrow();
            assertThat(health.reason()).isEqualTo("active after the batch: " + StandinKubelet.UNIT);
        }
    }

    @Test
    @Order(3)
    void skippingAMinorIsRefusedBeforeAnyHostChanges() throws Exception {
        Map<String, String> pids = pids();
        assertThatThrownBy(() -> standin("1.34.0", new ArrayList<>()).upgrade(1))
                .isInstanceOf(dev.provisioner.api.OperationRefusedException.class)
                .hasMessageContaining("node02: kubelet 1.32.0 -> 1.34.0 skips 1 minor version(s): Kubernetes upgrades one minor"
                        + " version at a time (upgrade to 1.33 first)")
                .hasMessageContaining("nothing was changed");
        assertThat(pids()).isEqualTo(pids);
        for (String n : NODES) {
            assertThat(sh(n, "cat /var/lib/provisioner/versions/kubelet")).isEqualTo("1.32.0");
        }
    }

    @Test
    @Order(4)
    void aBrokenVersionStopsTheRolloutAfterTheFirstBatch() throws Exception {
        Map<String, String> pids = pids();
        ProvisionReport r = standin("1.33.0", new ArrayList<>()).upgrade(1);
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.host()).isEqualTo("node01");
            assertThat(f.step()).isEqualTo("batch-health");
            assertThat(f.message()).contains(StandinKubelet.UNIT + " failed after the restart");
        });
        StepReport skipped = r.steps().stream().filter(s -> s.host().equals("node03")).findFirst().orElseThrow();
        assertThat(skipped.status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(skipped.reason()).isEqualTo("not run: rollout stopped after batch 1 of 3 (node01) failed on node01 in phase"
                + " kube-node, step batch-health; not rolled out: node02, node03");
        for (String n : List.of("node02", "node03")) {
            assertThat(sh(n, "sha256sum " + StandinKubelet.BINARY)).startsWith(sha.get("1.32.0"));
            assertThat(sh(n, "systemctl is-active " + StandinKubelet.UNIT)).isEqualTo("active");
            assertThat(pids().get(n)).isEqualTo(pids.get(n));
        }
    }

    @Test
    @Order(5)
    void resetTakesEveryHostBackToItsSnapshot() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        long t = System.nanoTime();
        int code = cl.execute("reset", "-i", inventoryFile(NODES, "1.34.0").toString(), "--yes");
        System.out.println("reset: " + (System.nanoTime() - t) / 1_000_000 + " ms\n" + out);
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("purged").contains("stopped " + StandinKubelet.UNIT);
        Map<String, List<String>> diffs = new LinkedHashMap<>();
        for (String n : NODES) {
            diffs.put(n, Snapshot.diff(before.get(n), Snapshot.of(lab.host(n))));
        }
        assertThat(diffs).as("differences from the snapshots before the first apply")
                .allSatisfy((host, diff) -> assertThat(diff).as(host).isEmpty());
    }

    private Map<String, String> pids() {
        Map<String, String> out = new LinkedHashMap<>();
        NODES.forEach(n -> out.put(n, sh(n, "systemctl show -p MainPID --value " + StandinKubelet.UNIT)));
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
