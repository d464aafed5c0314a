package dev.provisioner.ops.check;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepStatus;
import dev.provisioner.component.apilb.ApiLbPhase;
import dev.provisioner.component.pki.PkiPhase;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node-local API load balancer on real lab hosts: three masters and a node; {@code apply} (phases pki and
 * api-lb) installs haproxy from the Debian mirror on the node only, and a second apply changes nothing.
 *
 * <p>Stand-in: the kube-apiserver binary cannot be downloaded here, so each master runs {@code openssl s_server
 * -WWW} on 6443 with the apiserver certificate and key the pki phase placed, serving a file {@code readyz}
 * ("ok"): a real TLS listener that haproxy's health check ({@code GET /readyz}, certificate verified against the
 * cluster CA, with its own client certificate) and clients talk to as they would to the API server.
 *
 * <p>Then {@code check}'s api-endpoint probe answers through the node's proxy, and keeps answering, request
 * after request, with master-0's listener stopped; haproxy's log shows its health check took master-0 out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiEndpointLabTest {
    private LabHosts lab;
    private Inventory inventory;
    private Path state;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("master-0", "master-1", "master-2", "node01");
        Path file = lab.dir().resolve("inventory.yaml");
        StringBuilder hosts = new StringBuilder();
        for (LabHost h : lab.hosts()) {
            hosts.append("  - {name: ").append(h.name()).append(", address: ").append(h.address())
                    .append(", roles: [").append(h.name().startsWith("master") ? "master" : "node").append("]}\n");
        }
        Files.writeString(file, """
                defaults:
                  user: root
                  auth:
                    keyFile: %s
                hosts:
                %scluster:
                  name: apilb
                  registry: {enabled: false}
                  ssh:
                    knownHosts: %s
                """.formatted(lab.keys().ed25519(), hosts, lab.knownHosts()));
        inventory = Inventory.load(file);
        state = lab.dir().resolve("state");
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private ProvisionReport apply() {
        return EngineHooks.builder(inventory).stateDirectory(state).downloads(false)
                .onlyPhases(List.of(PkiPhase.TITLE, ApiLbPhase.TITLE)).build().apply();
    }

    private CheckReport check() {
        return HealthCheck.builder().inventory(inventory).probes(List.of(new ApiEndpointProbe())).build().run();
    }

    private static void standInApiserver(LabHost master) {
        master.execOk("mkdir -p /srv/fake-apiserver && echo ok > /srv/fake-apiserver/readyz && "
                + "systemd-run --unit=fake-apiserver --working-directory=/srv/fake-apiserver openssl s_server -quiet -WWW -accept 6443 "
                + "-cert " + HostPaths.APISERVER_CERT + " -key " + HostPaths.APISERVER_KEY);
    }

    @Test
    void theNodesProxyKeepsAnsweringWithMasterZeroDown() throws Exception {
        ProvisionReport first = apply();
        assertThat(first.failures()).isEmpty();
        LabHost node = lab.host("node01");
        assertThat(node.execOk("systemctl is-active haproxy").strip()).isEqualTo("active");
        assertThat(node.execOk("cat /etc/haproxy/haproxy.cfg")).contains("bind 127.0.0.1:6443").contains("server master-2 ");
        assertThat(lab.host("master-0").exec("dpkg -s haproxy").exitCode()).as("no proxy on a master").isNotZero();
        ProvisionReport second = apply();
        assertThat(second.steps()).filteredOn(s -> s.status() == StepStatus.CHANGED).isEmpty();

        for (String m : List.of("master-0", "master-1", "master-2")) {
            standInApiserver(lab.host(m));
        }
        CheckReport healthy = awaitOk();
        assertThat(healthy.result(ApiEndpointProbe.NAME, "node01").orElseThrow().detail())
                .isEqualTo("GET https://127.0.0.1:6443/readyz: 200 ok");

        // haproxy logged the masters DOWN before the stand-ins started; wait until its checks have every master UP
        // again (on a loaded machine a check can time out once), then look only at what comes after this point.
        long upBy = System.nanoTime() + 60_000_000_000L;
        while (!everyMasterUp(node) && System.nanoTime() < upBy) {
            Thread.sleep(1000);
        }
        assertThat(everyMasterUp(node)).as("haproxy sees every master UP before master-0 stops").isTrue();
        String since = node.execOk("date '+%Y-%m-%d %H:%M:%S'").strip();
        lab.host("master-0").execOk("systemctl stop fake-apiserver");
        for (int i = 0; i < 10; i++) {
            assertThat(check().ok()).as("request " + i + " with master-0 down").isTrue();
            assertThat(node.execOk("curl -s --max-time 5 --cacert " + HostPaths.CA_CERT + " https://127.0.0.1:6443/readyz").strip())
                    .isEqualTo("ok");
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        String log = "";
        while (System.nanoTime() < deadline && !log.contains("master-0 is DOWN")) {
            Thread.sleep(1000);
            log = node.execOk("journalctl -u haproxy --no-pager -o cat --since '" + since + "'");
        }
        assertThat(log).as("haproxy's health check takes master-0 out").contains("master-0 is DOWN");
        assertThat(log).doesNotContain("master-1 is DOWN").doesNotContain("master-2 is DOWN");
    }

    /** The stand-ins just started and haproxy needs two good checks (rise 2, inter 5s) before a master is UP. */
    private CheckReport awaitOk() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        CheckReport r = check();
        while (!r.ok() && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            r = check();
        }
        assertThat(r.ok()).as(String.valueOf(r.results())).isTrue();
        return r;
    }

    /** Whether haproxy's journal ends, for every master, with that server's check passing (UP) rather than DOWN. */
    private static boolean everyMasterUp(LabHost node) {
        String log = node.execOk("journalctl -u haproxy --no-pager -o cat");
        return List.of("master-0", "master-1", "master-2").stream()
                .allMatch(m -> log.lastIndexOf("/" + m + " is UP") >= log.lastIndexOf("/" + m + " is DOWN"));
    }
}
