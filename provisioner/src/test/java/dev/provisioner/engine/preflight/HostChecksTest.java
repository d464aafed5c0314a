package dev.provisioner.engine.preflight;

import dev.provisioner.facts.FactsParser;
import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * System facts parsed from the facts script's output in its real shape (the probe's lines as a Debian host prints
 * them; the listening ports in hex as /proc/net has them), and the checks over them.
 */
class HostChecksTest {
    private static final Inventory INV = Inventory.builder().clusterName("lab")
            .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
            .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
            .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(EngineFixtures.KEY)).build();

    /** The facts script's output: os line, units, the probe's lines, end. */
    private static HostFacts facts(String host, String os, String arch, String probe, String... activeUnits) {
        StringBuilder sb = new StringBuilder("os\t" + os + "\t12\t\narch\t" + arch + "\npm\tapt\n");
        for (String u : activeUnits) {
            sb.append("unit\t").append(u).append("\tactive\tenabled\n");
        }
        for (String line : probe.split("\n")) {
            sb.append("sys\t").append(line).append('\n');
        }
        return FactsParser.parse(host, sb.append("end\n").toString(), FactsQuery.EMPTY);
    }

    private static String probe(String hostname, String swapKiB, String... listen) {
        StringBuilder sb = new StringBuilder("hostname=" + hostname + "\netchostname=" + hostname + "\nmemKiB=4026532\nswapKiB="
                + swapKiB + "\ncpus=0-1\ncgroup=2\ntimesync=yes\n");
        for (String l : listen) {
            sb.append("listen=").append(l).append('\n');
        }
        return sb.toString();
    }

    private static Host host(String name) {
        return INV.host(name).orElseThrow();
    }

    private static List<String> check(String name, String probe, String... activeUnits) {
        HostFacts f = facts(name, "debian", "x86_64", probe, activeUnits);
        return HostChecks.check(INV, host(name), f, SystemFactsParser.parse(name, f.system()).orElseThrow(), Set.of())
                .stream().map(HostProblem::format).toList();
    }

    @Test
    void theProbesOutputIsParsed() {
        HostFacts f = facts("master", "debian", "x86_64", probe("master", "0", "tcp 094B", "udp 2118", "tcp 0016"));
        SystemFacts s = SystemFactsParser.parse("master", f.system()).orElseThrow();
        assertThat(s.memoryMiB()).isEqualTo(3932);
        assertThat(s.cpus()).isEqualTo(2);
        assertThat(s.cgroupV2()).isTrue();
        assertThat(s.timeSynced()).contains(true);
        assertThat(s.listening()).containsExactlyInAnyOrder("2379/tcp", "8472/udp", "22/tcp");
        assertThat(f.system("etchostname")).contains("master");
        assertThat(SystemFactsParser.cpus("0-3,6,8-9")).isEqualTo(7);
        assertThat(SystemFactsParser.parse("master", List.of())).as("facts without the probe").isEmpty();
        assertThatThrownBy(() -> SystemFactsParser.parse("master", List.of("cpus=0-1"))).hasMessageContaining("master")
                .hasMessageContaining("hostname");
    }

    @Test
    void theRealFactsScriptsProbeRunsOnThisMachineAndFindsAPortItListensOn() throws Exception {
        try (java.net.ServerSocket listening = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            // A port whose unit does not exist here: the script reads the socket tables.
            FactsQuery q = FactsQuery.port("2379/tcp", Set.of("provisioner-test-absent.service"));
            Process p = new ProcessBuilder("sh", "-c", dev.provisioner.facts.FactsScript.text(q)).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor()).isZero();
            HostFacts f = FactsParser.parse("local", out, q);
            SystemFacts s = SystemFactsParser.parse("local", f.system()).orElseThrow();
            assertThat(s.hostname()).isEqualTo(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip());
            assertThat(s.cpus()).as("online CPUs; a CPU quota only lowers what the JVM sees").isGreaterThanOrEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(s.memoryMiB()).isPositive();
            assertThat(s.listening()).contains(listening.getLocalPort() + "/tcp");
        }
    }

    @Test
    void aPortHeldByAnotherProgramIsNamedWithHostAndPortButOurOwnRunningServicesAreNot() {
        assertThat(check("master", probe("master", "0", "tcp 094B")))
                .containsExactly("master: port 2379/tcp is already in use by another program (etcd.service is not running);"
                        + " etcd needs it: stop what holds it (ss -lnp 'sport = :2379' names it)");
        assertThat(check("master", probe("master", "0", "tcp 094B", "tcp 094C", "tcp 2811", "tcp 192B"),
                "etcd.service", "kube-controller-manager.service", "kube-apiserver.service"))
                .as("our own services on a re-run").isEmpty();
        assertThat(check("node01", probe("node01", "0", "udp 2118", "tcp 094B"), "flanneld.service"))
                .as("flannel's VXLAN socket while flanneld runs; 2379 is not node01's business").isEmpty();
        HostFacts stopped = FactsParser.parse("node01", "os\tdebian\t12\t\narch\tx86_64\nunit\tflanneld.service\tfailed\tenabled\n"
                + probe("node01", "0", "udp 2118").lines().map(l -> "sys\t" + l + "\n").reduce("", String::concat) + "end\n", FactsQuery.EMPTY);
        assertThat(HostChecks.check(INV, host("node01"), stopped, SystemFactsParser.parse("node01", stopped.system()).orElseThrow(),
                Set.of())).as("the kernel's VXLAN socket stays while our flanneld is stopped").isEmpty();
        assertThat(check("node01", probe("node01", "0", "udp 2118")))
                .containsExactly("node01: port 8472/udp is already in use by another program (flanneld.service is not running);"
                        + " flanneld needs it: stop what holds it (ss -lnp 'sport = :8472' names it)");
        assertThat(check("registry", probe("registry", "0", "tcp 1388", "tcp 1389"), "docker-distribution.service"))
                .containsExactly("registry: port 5001/tcp is already in use by another program (docker-registry-push.service is"
                        + " not running); docker-registry-push needs it: stop what holds it (ss -lnp 'sport = :5001' names it)");
    }

    @Test
    void socketTablesTheScriptDidNotReadFindNoPortInUse() {
        SystemFacts unprobed = SystemFactsParser.parse("master", facts("master", "debian", "x86_64",
                probe("master", "0") + "listening=unprobed\n").system()).orElseThrow();
        assertThat(unprobed.listeningProbed()).isFalse();
        assertThat(unprobed.listening()).isEmpty();
        assertThat(check("master", probe("master", "0") + "listening=unprobed\n")).as("every port served by a running unit").isEmpty();
        assertThat(SystemFactsParser.parse("master", facts("master", "debian", "x86_64", probe("master", "0", "tcp 094B")).system())
                .orElseThrow().listeningProbed()).as("a probe without the line read the tables").isTrue();
    }

    @Test
    void swapTimeCgroupAndResourcesAreCheckedAndIgnoredChecksBecomeWarnings() {
        assertThat(check("node01", probe("node01", "1048576"))).containsExactly(
                "node01: swap is on (1024 MiB): the kubelet refuses to run with swap; turn it off (swapoff -a) and remove it from /etc/fstab");
        String small = "hostname=master\nmemKiB=1048576\ncpus=0\ncgroup=1\n";
        HostFacts f = facts("master", "alpine", "riscv64", small, "systemd-timesyncd.service");
        SystemFacts s = SystemFactsParser.parse("master", f.system()).orElseThrow();
        assertThat(HostChecks.check(INV, host("master"), f, s, Set.of())).extracting(HostProblem::format).containsExactly(
                "master: operating system 'alpine' is not supported (supported: almalinux, centos, debian, rhel, rocky, ubuntu)",
                "master: architecture riscv64 is not supported (x86_64 or aarch64)",
                "master: 1 CPU, a master needs at least 2",
                "master: 1024 MiB of memory, a master needs at least 1700 MiB",
                "master: warning: cgroup v1: Kubernetes 1.35 drops it; use a distribution with cgroup v2",
                "master: warning: systemd-timesyncd has not synchronised the clock yet: certificates and etcd need synchronised time");
        assertThat(HostChecks.check(INV, host("master"), f, s, Set.of("memory", "cpu")))
                .filteredOn(HostProblem::blocking).extracting(HostProblem::check).containsExactly("os", "arch");
        HostFacts inContainer = facts("node01", "debian", "x86_64", "hostname=x\nmemKiB=4026532\ncpus=0-1\ncgroup=2\ncontainer=yes\n");
        assertThat(HostChecks.check(INV, host("node01"), inContainer,
                SystemFactsParser.parse("node01", inContainer.system()).orElseThrow(), Set.of()))
                .as("a container's clock is its machine's; the host name is prepare-hosts' job").isEmpty();
        HostFacts noTime = facts("node01", "debian", "x86_64", "hostname=node01\nmemKiB=4026532\ncpus=0-1\ncgroup=2\n");
        assertThat(HostChecks.check(INV, host("node01"), noTime, SystemFactsParser.parse("node01", noTime.system()).orElseThrow(),
                Set.of())).extracting(HostProblem::format).containsExactly("node01: warning: no time synchronisation service runs"
                + " (systemd-timesyncd, chrony or ntpd): certificates and etcd need synchronised time");
    }
}
