package dev.provisioner.engine.preflight;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** System facts parsed from the script's real output shape, and the checks over them. */
class HostChecksTest {
    private static final Inventory INV = Inventory.builder().clusterName("lab")
            .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
            .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
            .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(EngineFixtures.KEY)).build();

    /** Output as the script prints it on a Debian host (ss -Hltunp lines re-printed after listen=). */
    private static String output(String hostname, String swapKiB, String... listen) {
        StringBuilder sb = new StringBuilder("hostname=" + hostname + "\nmemKiB=4026532\nswapKiB=" + swapKiB
                + "\ncpus=2\ncgroup=2\nntp=yes\n");
        for (String l : listen) {
            sb.append("listen=").append(l).append('\n');
        }
        return sb.toString();
    }

    private static Host host(String name) {
        return INV.host(name).orElseThrow();
    }

    private static List<String> check(String name, String out) {
        return HostChecks.check(INV, host(name), "debian", "x86_64", SystemFactsScript.parse(name, out))
                .stream().map(HostProblem::format).toList();
    }

    @Test
    void theScriptsOutputIsParsed() {
        SystemFacts f = SystemFactsScript.parse("master", output("master", "0",
                "tcp 127.0.0.1:2379 users:((\"nc\",pid=812,fd=3))", "udp 0.0.0.0:8472", "tcp [::]:22 users:((\"sshd\",pid=1,fd=3))"));
        assertThat(f.memoryMiB()).isEqualTo(3932);
        assertThat(f.cpus()).isEqualTo(2);
        assertThat(f.cgroupV2()).isTrue();
        assertThat(f.timeSynced()).contains(true);
        assertThat(f.listening()).containsEntry("2379/tcp", "nc").containsEntry("8472/udp", "").containsEntry("22/tcp", "sshd");
        assertThatThrownBy(() -> SystemFactsScript.parse("master", "cpus=2\n")).hasMessageContaining("master")
                .hasMessageContaining("hostname");
    }

    @Test
    void aPortHeldByAnotherProcessIsNamedWithHostAndPort() {
        assertThat(check("master", output("master", "0", "tcp 0.0.0.0:2379 users:((\"nc\",pid=812,fd=3))")))
                .containsExactly("master: port 2379/tcp is already in use by nc; etcd needs it: stop what holds it");
        assertThat(check("master", output("master", "0", "tcp 0.0.0.0:2379 users:((\"etcd\",pid=9,fd=3))",
                "tcp 0.0.0.0:10257 users:((\"kube-controller\",pid=10,fd=3))"))).as("our own services on a re-run").isEmpty();
        assertThat(check("node01", output("node01", "0", "udp 0.0.0.0:8472", "tcp 0.0.0.0:2379 users:((\"nc\",pid=8,fd=3))")))
                .as("flannel's kernel VXLAN socket is fine; 2379 is not node01's business").isEmpty();
        assertThat(check("registry", output("registry", "0", "tcp 0.0.0.0:5000 users:((\"python3\",pid=8,fd=3))")))
                .containsExactly("registry: port 5000/tcp is already in use by python3; docker-registry needs it: stop what holds it");
    }

    @Test
    void swapHostNameTimeAndResourcesAreChecked() {
        assertThat(check("node01", output("node-1", "1048576"))).containsExactly(
                "node01: swap is on (1024 MiB): the kubelet refuses to run with swap; turn it off (swapoff -a) and remove it from /etc/fstab",
                "node01: warning: its host name is node-1, not node01: the kubelet registers under the host name");
        List<HostProblem> small = HostChecks.check(INV, host("master"), "alpine", "riscv64",
                SystemFactsScript.parse("master", "hostname=master\nmemKiB=1048576\ncpus=1\ncgroup=1\nntp=no\n"));
        assertThat(small).extracting(HostProblem::format).containsExactly(
                "master: operating system 'alpine' is not supported (supported: almalinux, centos, debian, rhel, rocky, ubuntu)",
                "master: architecture riscv64 is not supported (x86_64 or aarch64)",
                "master: 1 CPU, a master needs at least 2",
                "master: 1024 MiB of memory, a master needs at least 1700 MiB",
                "master: warning: cgroup v1: Kubernetes 1.35 drops it; use a distribution with cgroup v2",
                "master: warning: the clock is not synchronised (NTPSynchronized=no): certificates and etcd need synchronised time;"
                        + " enable systemd-timesyncd or chrony");
    }
}
