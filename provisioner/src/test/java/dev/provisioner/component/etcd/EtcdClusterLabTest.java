package dev.provisioner.component.etcd;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepFailure;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;
import dev.provisioner.component.network.NetworkConfigPhase;
import dev.provisioner.component.pki.PkiPhase;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIVE: three masters form a 3-member etcd cluster over TLS, installed by the release-binary path from
 * an air-gapped artifacts directory holding a real etcd (Debian's build, packed as upstream's archive
 * with its SHA256SUMS). A tampered checksum is refused before anything is installed; a stopped member is
 * the only one reported unhealthy and the only thing the next run changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EtcdClusterLabTest {
    static final List<String> PHASES = List.of(PkiPhase.TITLE, EtcdPhase.TITLE, NetworkConfigPhase.TITLE);
    private LabHosts lab;
    private List<LabHost> members;
    private Path artifacts;
    private DebianEtcdRelease release;
    private Inventory inventory;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("m1", "m2", "m3");
        members = List.of(lab.host("m1"), lab.host("m2"), lab.host("m3"));
        artifacts = Files.createDirectories(lab.dir().resolve("artifacts"));
        long t = System.nanoTime();
        release = DebianEtcdRelease.fetch(members.get(0), artifacts);
        System.out.println("etcd " + release.version() + " release from Debian packages in " + (System.nanoTime() - t) / 1_000_000 + " ms");
        Path file = lab.dir().resolve("inventory.yaml");
        Files.writeString(file, """
                defaults:
                  user: root
                  auth:
                    keyFile: %s
                hosts:
                  - name: m1
                    address: %s
                    roles: [master, node]
                  - name: m2
                    address: %s
                    roles: [master]
                  - name: m3
                    address: %s
                    roles: [master]
                cluster:
                  name: trio
                  versions:
                    etcd: %s
                  registry:
                    enabled: false
                  install:
                    etcd: artifacts
                    artifactsDir: %s
                  ssh:
                    knownHosts: %s
                    hostKeyPolicy: strict
                """.formatted(lab.keys().ed25519(), members.get(0).address(), members.get(1).address(), members.get(2).address(),
                release.version(), artifacts, lab.knownHosts()));
        inventory = Inventory.load(file);
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private Provisioner provisioner() {
        return EngineHooks.builder(inventory).stateDirectory(lab.dir().resolve("state")).onlyPhases(PHASES).build();
    }

    private static List<String> changed(ProvisionReport r) {
        return r.steps().stream().filter(s -> s.status() == StepStatus.CHANGED).map(s -> s.host() + "/" + s.step()).toList();
    }

    private static String sh(LabHost h, String script) {
        return h.execOk(script).strip();
    }

    private String etcdctl(String endpoints, String args) {
        return "ETCDCTL_API=3 /usr/local/bin/etcdctl --endpoints=" + endpoints + " --cacert=/etc/etcd/pki/ca.crt"
                + " --cert=/etc/etcd/pki/root-client.crt --key=/etc/etcd/pki/root-client.key --dial-timeout=3s"
                + " --command-timeout=5s " + args;
    }

    private String all() {
        return String.join(",", members.stream().map(m -> "https://" + m.address() + ":2379").toList());
    }

    @Test
    @Order(1)
    void aTamperedChecksumIsRefusedBeforeAnythingIsInstalled() throws Exception {
        String good = Files.readString(artifacts.resolve("SHA256SUMS"));
        Files.writeString(artifacts.resolve("SHA256SUMS"), "0".repeat(64) + "  " + release.archive().getFileName() + "\n");
        try {
            ProvisionReport r = provisioner().apply();
            assertThat(r.failures()).isNotEmpty().allSatisfy((StepFailure f) -> {
                assertThat(f.step()).isEqualTo("etcd-install");
                assertThat(f.message()).contains("SHA-256").contains(release.archive().getFileName().toString());
            });
            assertThat(r.steps()).filteredOn(s -> s.phase().equals(NetworkConfigPhase.TITLE))
                    .allSatisfy(s -> assertThat(s.status()).isNotEqualTo(StepStatus.CHANGED));
            for (LabHost m : members) {
                assertThat(sh(m, "ls /usr/local/bin; test -e /etc/systemd/system/etcd.service && echo unit; systemctl is-active etcd || true"))
                        .as(m.name() + ": no etcd binary, no unit, nothing running").isEqualTo("inactive");
            }
        } finally {
            Files.writeString(artifacts.resolve("SHA256SUMS"), good);
        }
    }

    @Test
    @Order(2)
    void threeMembersFormOneClusterFromTheReleaseBinaries() {
        long t = System.nanoTime();
        ProvisionReport r = provisioner().apply();
        System.out.println("3-member apply: " + (System.nanoTime() - t) / 1_000_000 + " ms");
        assertThat(r.failures()).isEmpty();
        String list = sh(members.get(0), etcdctl(all(), "member list"));
        assertThat(list.lines().filter(l -> l.contains(", started, ")).count()).as(list).isEqualTo(3);
        assertThat(list).contains(", m1, https://" + members.get(0).address() + ":2380").contains(", m2, ").contains(", m3, ");
        for (LabHost m : members) {
            assertThat(sh(m, etcdctl("https://" + m.address() + ":2379", "endpoint health") + " 2>&1")).contains("is healthy");
            assertThat(sh(m, "ps -o args= -p $(systemctl show -p MainPID --value etcd)")).isEqualTo("/usr/local/bin/etcd");
            assertThat(sh(m, "/usr/local/bin/etcd --version | head -1")).isEqualTo("etcd Version: " + release.version());
            assertThat(sh(m, "stat -c '%a %U' /usr/local/bin/etcd /usr/local/bin/etcdctl /usr/local/bin/etcdutl /var/lib/etcd; id -u etcd >/dev/null && echo user"))
                    .isEqualTo("755 root\n755 root\n755 root\n700 etcd\nuser");
        }
        assertThat(sh(members.get(1), etcdctl(all(), "get --print-value-only /coreos.com/network/config")))
                .isEqualTo(SingleMasterLabTest.FLANNEL_JSON);
        assertThat(changed(r)).contains("m1/flannel-network-config").doesNotContain("m2/flannel-network-config", "m3/flannel-network-config");
    }

    @Test
    @Order(3)
    void secondApplyChangesNothing() {
        ProvisionReport r = provisioner().apply();
        assertThat(r.failures()).isEmpty();
        assertThat(changed(r)).isEmpty();
        assertThat(r.hosts()).allSatisfy(h -> assertThat(h.counters().filesWritten()).isZero());
    }

    @Test
    @Order(4)
    void aStoppedMemberIsExactlyTheOneReportedAndTheOnlyChange() {
        LabHost m2 = members.get(1);
        m2.execOk("systemctl stop etcd");
        LabHost.Exec health = members.get(0).exec(etcdctl(all(), "endpoint health") + " 2>&1");
        assertThat(health.exitCode()).isNotZero();
        List<String> unhealthy = health.stdout().lines().filter(l -> l.contains("is unhealthy")).toList();
        assertThat(unhealthy).singleElement().satisfies(l -> assertThat(l).startsWith("https://" + m2.address() + ":2379 is unhealthy"));
        assertThat(health.stdout().lines().filter(l -> l.contains("is healthy")).count()).isEqualTo(2);

        ProvisionReport plan = provisioner().plan();
        assertThat(changed(plan)).containsExactly("m2/etcd-service");
        StepReport s = plan.steps().stream().filter(x -> x.status() == StepStatus.CHANGED).findFirst().orElseThrow();
        assertThat(s.reason()).contains("start etcd.service");

        ProvisionReport heal = provisioner().apply();
        assertThat(heal.failures()).isEmpty();
        assertThat(changed(heal)).containsExactly("m2/etcd-service");
        assertThat(sh(members.get(0), etcdctl(all(), "endpoint health") + " 2>&1").lines().filter(l -> l.contains("is healthy")).count())
                .isEqualTo(3);
    }

    @Test
    @Order(5)
    void eachEtcdClientMayDoOnlyWhatItsCertificatesUserIsGranted() {
        EtcdPermissions.assertLeastPrivilege(members.get(0), "/usr/local/bin/etcdctl", "https://" + members.get(2).address() + ":2379",
                "/coreos.com/network");
    }

    @Test
    @Order(6)
    void aClusterProvisionedBeforeEtcdAuthIsMigratedOnTheNextApply() {
        // What a cluster provisioned before this change looks like: auth off, none of our users or roles,
        // no record, no root certificate on the members.
        sh(members.get(0), etcdctl(all(), "auth disable") + " && " + etcdctl(all(), "user delete flannel") + " && "
                + etcdctl(all(), "user delete kube-apiserver-etcd-client") + " && " + etcdctl(all(), "user delete kube-etcd-healthcheck-client")
                + " && " + etcdctl(all(), "user delete root") + " && " + etcdctl(all(), "role delete flannel") + " && "
                + etcdctl(all(), "role delete kube-apiserver") + " && " + etcdctl(all(), "role delete etcd-healthcheck")
                + " && rm -f " + EtcdAuth.RECORD);
        for (LabHost m : members) {
            sh(m, "rm -f /etc/etcd/pki/root-client.crt /etc/etcd/pki/root-client.key");
        }
        assertThat(members.get(0).exec(EtcdPermissions.as("/usr/local/bin/etcdctl", all(), EtcdPermissions.FLANNEL,
                "put /registry/clusterrolebindings/take-over x")).exitCode()).as("before: flannel writes anywhere").isZero();

        ProvisionReport r = provisioner().apply();
        assertThat(r.failures()).isEmpty();
        assertThat(changed(r)).contains("m1/etcd-auth").noneMatch(c -> c.endsWith("/etcd-service") || c.endsWith("/etcd-join"));
        assertThat(sh(members.get(0), "stat -c '%a %U' /etc/etcd/pki/root-client.key " + EtcdAuth.RECORD)).isEqualTo("600 root\n600 root");
        EtcdPermissions.assertLeastPrivilege(members.get(0), "/usr/local/bin/etcdctl", "https://" + members.get(1).address() + ":2379",
                "/coreos.com/network");
        assertThat(changed(provisioner().apply())).as("converged").isEmpty();
    }
}
