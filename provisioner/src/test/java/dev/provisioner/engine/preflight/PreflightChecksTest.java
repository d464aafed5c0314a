package dev.provisioner.engine.preflight;

import dev.provisioner.engine.FactsGate;
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

/**
 * {@link PreflightChecks} as a facts gate (its query, step and refusals), and the thresholds and wording of
 * {@link HostChecks} at their edges.
 */
class PreflightChecksTest {
    private static Inventory inventory() {
        return Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
                .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(EngineFixtures.KEY)).build();
    }

    private static HostFacts facts(String host, String os, String probe, String... activeUnits) {
        StringBuilder sb = new StringBuilder("os\t" + os + "\t12\t\narch\tx86_64\npm\tapt\n");
        for (String u : activeUnits) {
            sb.append("unit\t").append(u).append("\tactive\tenabled\n");
        }
        if (!probe.isEmpty()) {
            for (String line : probe.split("\n")) {
                sb.append("sys\t").append(line).append('\n');
            }
        }
        return FactsParser.parse(host, sb.append("end\n").toString(), FactsQuery.EMPTY);
    }

    private static String probe(String cpus, long memKiB, String extra) {
        return "hostname=h\nmemKiB=" + memKiB + "\nswapKiB=0\ncpus=" + cpus + "\ncgroup=2\n" + extra;
    }

    private static List<String> check(Inventory inv, String host, String probe, String... activeUnits) {
        HostFacts f = facts(host, "debian", probe, activeUnits);
        Host h = inv.host(host).orElseThrow();
        return HostChecks.check(inv, h, f, SystemFactsParser.parse(host, f.system()).orElseThrow(), Set.of())
                .stream().map(HostProblem::format).toList();
    }

    @Test
    void theGateAsksForThePortOwnersAndTimeServicesUnderItsOwnStep() {
        Inventory inv = inventory();
        PreflightChecks gate = new PreflightChecks(inv);
        Host master = inv.host("master").orElseThrow();

        assertThat(gate.step()).isEqualTo(PreflightChecks.STEP).isEqualTo("preflight");
        assertThat(gate.query(master).units()).contains("kube-apiserver.service", "etcd.service", HostChecks.TIMESYNCD, "chrony.service")
                .isEqualTo(HostChecks.units(inv, master));
        assertThat(HostChecks.units(inv, inv.host("node01").orElseThrow())).contains("kubelet.service", "flanneld.service")
                .doesNotContain("kube-apiserver.service");
    }

    @Test
    void thePortsInTheQueryAreThoseOfUnitsTheRunsStepsServe() {
        Inventory inv = inventory();
        PreflightChecks gate = new PreflightChecks(inv);
        Host master = inv.host("master").orElseThrow();

        assertThat(gate.query(master).ports()).as("without the steps' query").isEmpty();
        assertThat(gate.query(master, FactsQuery.units("bench-a.service")).ports()).as("a plan that serves none of them").isEmpty();
        FactsQuery etcd = gate.query(master, FactsQuery.units("etcd.service"));
        assertThat(etcd.ports()).containsOnlyKeys("2379/tcp", "2380/tcp");
        assertThat(etcd.ports().get("2379/tcp")).containsExactly("etcd.service");
        assertThat(etcd.units()).as("the checks' own units still").isEqualTo(HostChecks.units(inv, master));
        assertThat(gate.and(FactsGate.NONE).query(master, FactsQuery.units("kube-apiserver.service")).ports())
                .as("through a chain of gates").containsOnlyKeys("6443/tcp");
    }

    @Test
    void aRefusalNamesOnlyThePortsOfTheUnitsTheRunServes() {
        Inventory inv = inventory();
        Host master = inv.host("master").orElseThrow();
        // Something listens on 2379 (etcd's) and on 6443 (the apiserver's); neither unit runs.
        HostFacts busy = facts("master", "debian", probe("0-1", 4_000_000, "timesync=yes\nlisten=tcp 094B\nlisten=tcp 192B\n"));

        PreflightChecks etcdOnly = new PreflightChecks(inv);
        etcdOnly.query(master, FactsQuery.units("etcd.service"));
        assertThat(etcdOnly.refusal("master", busy)).hasValueSatisfying(r -> assertThat(r)
                .contains("port 2379/tcp is already in use").doesNotContain("6443"));

        PreflightChecks neither = new PreflightChecks(inv);
        neither.query(master, FactsQuery.units("bench-a.service"));
        assertThat(neither.refusal("master", busy)).as("a plan that serves none of them").isEmpty();

        assertThat(new PreflightChecks(inv).refusal("master", busy)).as("without the steps' query: every port of the roles")
                .hasValueSatisfying(r -> assertThat(r).contains("2379/tcp").contains("6443/tcp"));
    }

    @Test
    void blockingFindingsRefuseTheRunJoinedWarningsDoNot() {
        Inventory inv = inventory();
        PreflightChecks gate = new PreflightChecks(inv);

        assertThat(gate.refusal("master", facts("master", "gentoo", probe("0", 1024 * 1024, "timesync=yes\n"))))
                .hasValueSatisfying(r -> assertThat(r).startsWith("operating system 'gentoo' is not supported")
                        .contains("; 1 CPU, a master needs at least 2").contains("; 1024 MiB of memory"));
        // cgroup v1 and no time service are warnings only.
        assertThat(gate.refusal("node01", facts("node01", "debian", "hostname=h\nmemKiB=4000000\nswapKiB=0\ncpus=0-1\ncgroup=1\n")))
                .isEmpty();
        assertThat(gate.refusal("ghost", facts("ghost", "gentoo", probe("0", 1024, "")))).as("not in the inventory").isEmpty();
        assertThat(gate.refusal("master", facts("master", "gentoo", ""))).as("facts without the probe").isEmpty();
    }

    @Test
    void cpuMinimumIsInclusiveAndTheRoleIsNamed() {
        Inventory inv = inventory();
        assertThat(check(inv, "master", probe("0-1", 4_000_000, "timesync=yes\n"))).isEmpty();
        assertThat(check(inv, "master", probe("0", 4_000_000, "timesync=yes\n")))
                .containsExactly("master: 1 CPU, a master needs at least 2");
        assertThat(check(inv, "registry", probe("0", 400 * 1024, "timesync=yes\n")))
                .singleElement().asString().contains("400 MiB of memory, a host needs at least 512 MiB");
        assertThat(check(inv, "node01", probe("0", 400 * 1024, "timesync=yes\n")))
                .singleElement().asString().contains("a node needs at least 512 MiB");
        assertThat(check(inv, "node01", probe("0", 512 * 1024, "timesync=yes\n"))).as("exactly the minimum").isEmpty();
    }

    @Test
    void anActiveTimeServiceOtherThanTimesyncdIsEnough() {
        Inventory inv = inventory();
        assertThat(check(inv, "node01", probe("0-1", 4_000_000, ""), "chrony.service")).isEmpty();
        assertThat(check(inv, "node01", probe("0-1", 4_000_000, "")))
                .containsExactly("node01: warning: no time synchronisation service runs (systemd-timesyncd, chrony or ntpd)"
                        + ": certificates and etcd need synchronised time");
    }

    @Test
    void etcdsPortsAreCheckedOnlyOnEtcdMembers() {
        Inventory inv = inventory();
        // 2379 = 0x094B
        assertThat(check(inv, "master", probe("0-1", 4_000_000, "timesync=yes\nlisten=tcp 094B\n")))
                .singleElement().asString().contains("port 2379/tcp is already in use");
        assertThat(check(inv, "node01", probe("0-1", 4_000_000, "timesync=yes\nlisten=tcp 094B\n"))).isEmpty();
        assertThat(HostChecks.ports(inv, inv.host("node01").orElseThrow())).doesNotContainKey("2379/tcp");
    }
}
