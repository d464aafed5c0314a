package dev.provisioner.component.etcd;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.HostReport;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;
import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.component.network.NetworkConfigPhase;
import dev.provisioner.component.pki.PkiPhase;
import dev.provisioner.component.registry.RegistryPhase;
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
 * LIVE, the 2018 recipe's shape on real lab hosts: {@code master} (etcd from Debian's packages),
 * {@code node01}, {@code registry}. PKI distributed, registry serving TLS with our CA, etcd healthy over
 * TLS, flannel's network config in etcd under the recipe's prefix /atomic.io/network; a second apply
 * changes nothing; a changed certificate restarts exactly its service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleMasterLabTest {
    static final List<String> PHASES = List.of(PrepareHostsPhase.TITLE, PkiPhase.TITLE, RegistryPhase.TITLE,
            EtcdPhase.TITLE, NetworkConfigPhase.TITLE);
    static final String FLANNEL_JSON = "{\"Network\":\"172.30.0.0/16\",\"SubnetLen\":24,\"Backend\":{\"Type\":\"vxlan\"}}";
    private LabHosts lab;
    private LabHost master;
    private LabHost node;
    private LabHost registry;
    private Inventory inventory;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("master", "node01", "registry");
        master = lab.host("master");
        node = lab.host("node01");
        registry = lab.host("registry");
        Path file = lab.dir().resolve("inventory.yaml");
        Files.writeString(file, """
                defaults:
                  user: root
                  auth:
                    keyFile: %s
                hosts:
                  - name: master
                    address: %s
                    roles: [master]
                  - name: node01
                    address: %s
                    roles: [node]
                  - name: registry
                    address: %s
                    roles: [registry]
                cluster:
                  name: blog-2018
                  network:
                    etcdPrefix: /atomic.io/network
                  install:
                    etcd: packages
                  ssh:
                    knownHosts: %s
                    hostKeyPolicy: strict
                """.formatted(lab.keys().ed25519(), master.address(), node.address(), registry.address(), lab.knownHosts()));
        inventory = Inventory.load(file);
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private ProvisionReport apply() {
        long t = System.nanoTime();
        ProvisionReport r = EngineHooks.builder(inventory).stateDirectory(lab.dir().resolve("state"))
                .onlyPhases(PHASES).build().apply();
        System.out.println("apply: " + (System.nanoTime() - t) / 1_000_000 + " ms, changed: " + changed(r).stream()
                .map(s -> s.host() + "/" + s.step()).toList() + ", slowest: " + r.steps().stream()
                .sorted(java.util.Comparator.comparing(StepReport::duration).reversed()).limit(4)
                .map(s -> s.host() + "/" + s.step() + "=" + s.duration().toMillis() + "ms").toList());
        return r;
    }

    private static List<StepReport> changed(ProvisionReport r) {
        return r.steps().stream().filter(s -> s.status() == StepStatus.CHANGED).toList();
    }

    private static String sh(LabHost h, String script) {
        return h.execOk(script).strip();
    }

    private static String etcdctl(String args) {
        return "ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/etcd/pki/ca.crt"
                + " --cert=/etc/etcd/pki/root-client.crt --key=/etc/etcd/pki/root-client.key " + args;
    }

    @Test
    @Order(1)
    void applyBuildsEtcdRegistryAndNetworkConfigOverTls() {
        ProvisionReport r = apply();
        assertThat(r.failures()).isEmpty();
        assertThat(sh(master, etcdctl("endpoint health") + " 2>&1")).contains("https://127.0.0.1:2379 is healthy");
        assertThat(sh(master, "ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/etcd/pki/ca.crt endpoint health 2>&1; true"))
                .as("a client without a certificate is refused").doesNotContain("is healthy");
        assertThat(sh(master, etcdctl("get --print-value-only /atomic.io/network/config"))).isEqualTo(FLANNEL_JSON);
        assertThat(sh(master, etcdctl("get --print-value-only /coreos.com/network/config"))).isEmpty();
        assertThat(sh(master, "ss -Htln '( sport = :2379 )' | awk '{print $4}' | sort")).isEqualTo("127.0.0.1:2379\n" + master.address() + ":2379");
        assertThat(sh(master, "systemctl show -p FragmentPath --value etcd")).isEqualTo("/etc/systemd/system/etcd.service");
        assertThat(sh(master, "test -e /var/lib/etcd/default && echo present || echo gone")).as("Debian's default member").isEqualTo("gone");

        // The registry answers over TLS with our CA, from another host.
        String url = "https://" + registry.address() + ":5000/v2/";
        assertThat(sh(node, "curl -s -o /dev/null -w '%{http_code}' --cacert /etc/kubernetes/pki/ca.crt " + url)).isEqualTo("200");
        assertThat(node.exec("curl -s -o /dev/null " + url).exitCode()).as("untrusted without our CA").isNotZero();

        // Modes and owners as specified.
        assertThat(sh(master, "stat -c '%n %a %U:%G' /etc/etcd/pki/server.key /etc/etcd/pki/peer.key /etc/etcd/pki/healthcheck-client.key"
                + " /etc/etcd/pki/server.crt /etc/kubernetes/pki/apiserver.key /etc/kubernetes/pki/ca.key /etc/kubernetes/pki/ca.crt"
                + " /etc/etcd/etcd.conf /etc/systemd/system/etcd.service /var/lib/etcd")).isEqualTo(String.join("\n",
                "/etc/etcd/pki/server.key 600 etcd:etcd", "/etc/etcd/pki/peer.key 600 etcd:etcd",
                "/etc/etcd/pki/healthcheck-client.key 600 etcd:etcd", "/etc/etcd/pki/server.crt 644 etcd:etcd",
                "/etc/kubernetes/pki/apiserver.key 600 root:root", "/etc/kubernetes/pki/ca.key 600 root:root",
                "/etc/kubernetes/pki/ca.crt 644 root:root", "/etc/etcd/etcd.conf 600 root:root",
                "/etc/systemd/system/etcd.service 600 root:root", "/var/lib/etcd 700 etcd:etcd"));
        assertThat(sh(registry, "stat -c '%n %a %U:%G' /etc/registry/pki/registry.key /etc/registry/pki/registry.crt /etc/registry/pki/ca.crt"))
                .isEqualTo("/etc/registry/pki/registry.key 640 root:docker-registry\n/etc/registry/pki/registry.crt 644 root:root\n"
                        + "/etc/registry/pki/ca.crt 644 root:root");
        assertThat(sh(node, "stat -c '%n %a %U:%G' /etc/kubernetes/pki/kubelet.key; test -e /etc/etcd/pki && echo etcd-files || echo no-etcd-files"))
                .isEqualTo("/etc/kubernetes/pki/kubelet.key 600 root:root\nno-etcd-files");
    }

    @Test
    @Order(2)
    void secondApplyChangesNothing() {
        String pids = sh(master, "systemctl show -p MainPID --value etcd") + sh(registry, "systemctl show -p MainPID --value docker-registry");
        ProvisionReport r = apply();
        assertThat(r.failures()).isEmpty();
        assertThat(changed(r)).isEmpty();
        for (HostReport h : r.hosts()) {
            assertThat(h.counters().filesWritten()).as(h.host()).isZero();
            assertThat(h.counters().unitsRestarted()).as(h.host()).isZero();
            assertThat(h.counters().roundTrips()).as(h.host() + " round trips").isEqualTo(1);
        }
        assertThat(r.steps()).filteredOn(s -> s.host().equals("master") && s.step().equals("flannel-network-config")).singleElement()
                .satisfies(s -> assertThat(s.reason()).startsWith("/atomic.io/network/config holds " + FLANNEL_JSON));
        assertThat(sh(master, "systemctl show -p MainPID --value etcd") + sh(registry, "systemctl show -p MainPID --value docker-registry"))
                .isEqualTo(pids);
    }

    @Test
    @Order(3)
    void aChangedCertificateIsPutBackAndRestartsExactlyItsService() {
        String etcdPid = sh(master, "systemctl show -p MainPID --value etcd");
        String registryPid = sh(registry, "systemctl show -p MainPID --value docker-registry");
        master.execOk("cp /etc/etcd/pki/peer.crt /tmp/peer.crt && cat /etc/etcd/pki/server.crt > /etc/etcd/pki/peer.crt");
        registry.execOk("chmod 0644 /etc/registry/pki/registry.key");
        ProvisionReport r = apply();
        assertThat(r.failures()).isEmpty();
        assertThat(changed(r)).extracting(s -> s.host() + "/" + s.step()).containsExactlyInAnyOrder(
                "master/pki-files", "master/etcd-service", "registry/registry-certificates", "registry/registry-service");
        assertThat(sh(master, "cmp /tmp/peer.crt /etc/etcd/pki/peer.crt && echo same")).isEqualTo("same");
        assertThat(sh(master, "systemctl show -p MainPID --value etcd")).isNotEqualTo(etcdPid);
        assertThat(sh(registry, "systemctl show -p MainPID --value docker-registry")).isNotEqualTo(registryPid);
        assertThat(sh(registry, "stat -c '%a' /etc/registry/pki/registry.key")).isEqualTo("640");
        assertThat(changed(apply())).isEmpty();
    }
}
