package dev.provisioner.ops.check;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.cli.ExitCodes;
import dev.provisioner.cli.Main;
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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check} on two real lab hosts after a real apply of the phases that run here (etcd from
 * Debian's packages with TLS from our PKI, the registry): etcd healthy over TLS, the registry
 * answering from the master, every Kubernetes and flannel probe "not installed"; then a stopped etcd
 * becomes exactly one failed probe. The registry serves plain HTTP here: with {@code tls: true} the
 * registry phase's own health wait fails on this lab (see the report); the HTTPS/401 reading is
 * covered by {@code ProbeParsingTest} and {@code HealthCheckTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckLabTest {
    private static final List<String> PHASES = List.of("prepare-hosts", "pki", "registry", "etcd", "network-config");
    private LabHosts lab;
    private LabHost master;
    private Path inventoryFile;
    private Inventory inventory;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("master", "registry");
        master = lab.host("master");
        inventoryFile = lab.dir().resolve("inventory.yaml");
        Files.writeString(inventoryFile, """
                defaults:
                  user: root
                  auth:
                    keyFile: %s
                hosts:
                  - name: master
                    address: %s
                    roles: [master, node]
                  - name: registry
                    address: %s
                    roles: [registry]
                cluster:
                  name: checklab
                  registry:
                    tls: false
                  install:
                    etcd: packages
                  ssh:
                    knownHosts: %s
                    hostKeyPolicy: strict
                """.formatted(lab.keys().ed25519(), master.address(), lab.host("registry").address(), lab.knownHosts()));
        inventory = Inventory.load(inventoryFile);
        ProvisionReport applied = EngineHooks.builder(inventory).stateDirectory(lab.dir().resolve(".provisioner/checklab"))
                .onlyPhases(PHASES).build().apply();
        assertThat(applied.failures()).as("apply of " + PHASES).isEmpty();
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private CheckReport check() {
        return HealthCheck.builder().inventory(inventory).build().run();
    }

    private static List<String> summary(CheckReport r) {
        return r.results().stream().map(p -> p.probe() + "@" + p.host() + "=" + p.status()).toList();
    }

    private Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    private record Cli(int exit, String out, String err) {
    }

    @Test
    @Order(1)
    void etcdIsHealthyTheRegistryAnswersAndKubernetesIsNotInstalled() {
        CheckReport r = check();
        System.out.println(String.join("\n", r.results().stream().map(p -> p.probe() + " " + p.host() + " " + p.status() + " " + p.detail()).toList()));
        assertThat(r.failures()).isEmpty();
        assertThat(r.result("etcd", "master").orElseThrow()).satisfies(e -> {
            assertThat(e.status()).isEqualTo(ProbeStatus.OK);
            assertThat(e.detail()).startsWith("https://" + master.address() + ":2379 is healthy");
        });
        assertThat(r.result("registry-service", "registry").orElseThrow().status()).isEqualTo(ProbeStatus.OK);
        assertThat(r.result("registry-http", "registry").orElseThrow()).satisfies(e -> {
            assertThat(e.status()).isEqualTo(ProbeStatus.OK);
            assertThat(e.detail()).isEqualTo("GET http://" + lab.host("registry").address() + ":5000/v2/ from master: 200");
        });
        for (String probe : List.of("apiserver", "coredns", "flanneld", "containerd")) {
            assertThat(r.result(probe, "master").orElseThrow()).as(probe).satisfies(e -> {
                assertThat(e.status()).isEqualTo(ProbeStatus.NOT_INSTALLED);
                assertThat(e.detail()).startsWith("not installed: ");
            });
        }
        assertThat(r.result("node-ready", "master").orElseThrow().detail()).isEqualTo("not installed: no kube-apiserver.service on master");
        assertThat(r.result("flannel-lease", "master").orElseThrow().status()).isEqualTo(ProbeStatus.NOT_INSTALLED);

        Cli c = cli("check", "-i", inventoryFile.toString());
        assertThat(c.exit()).as(c.out() + c.err()).isEqualTo(ExitCodes.NOT_INSTALLED);
        assertThat(c.out()).containsPattern("(?m)^etcd +master +ok +https://")
                .containsPattern("(?m)^apiserver +master +skipped +not installed: no kube-apiserver.service on master$");
    }

    @Test
    @Order(2)
    void aStoppedEtcdIsExactlyThatFailedProbe() {
        CheckReport before = check();
        master.execOk("systemctl stop etcd");
        try {
            CheckReport r = check();
            assertThat(r.failures()).singleElement().satisfies(f -> {
                assertThat(f.probe() + "@" + f.host()).isEqualTo("etcd@master");
                assertThat(f.detail()).startsWith("etcd.service is inactive (etcdctl endpoint health https://");
            });
            assertThat(summary(r).stream().filter(s -> !s.startsWith("etcd@")))
                    .containsExactlyElementsOf(summary(before).stream().filter(s -> !s.startsWith("etcd@")).toList());
            Cli c = cli("check", "-i", inventoryFile.toString(), "--json");
            assertThat(c.exit()).isEqualTo(4);
            assertThat(c.out()).contains("\"probe\":\"etcd\",\"host\":\"master\",\"status\":\"failed\"");
        } finally {
            master.execOk("systemctl start etcd");
        }
    }
}
