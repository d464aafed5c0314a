package dev.provisioner.plan;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;
import dev.provisioner.component.etcd.EtcdPhase;
import dev.provisioner.component.firewall.FirewallPhase;
import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.component.network.NetworkConfigPhase;
import dev.provisioner.component.pki.PkiPhase;
import dev.provisioner.component.prereq.PrerequisitesPhase;
import dev.provisioner.component.registry.RegistryPhase;
import dev.provisioner.component.runtime.ContainerRuntimePhase;
import dev.provisioner.facts.FactsParser;
import dev.provisioner.facts.FactsScript;
import dev.provisioner.facts.HostResolver;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.testsupport.DockerSupport;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platforms users have (issue 19), on one small mixed cluster that shares its hosts between the
 * checks: {@code master} runs Debian 13 (etcd 3.5, containerd 1.7; also a node), {@code node01}
 * Debian 12 (containerd 1.6), {@code registry} Debian 13. master and node01 are hosts nobody
 * prepared: their apt cache and package lists are empty (every package comes from the mirror, apt-get
 * update included), and provisioner logs in as a non-root user, {@code deploy} with passwordless sudo
 * on master and {@code operator} with a sudo password on node01. One apply must converge: the plan
 * right after it is empty.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformsLabTest {
    static final List<String> PHASES = List.of(PrepareHostsPhase.TITLE, PrerequisitesPhase.TITLE, FirewallPhase.TITLE, PkiPhase.TITLE,
            RegistryPhase.TITLE, EtcdPhase.TITLE, NetworkConfigPhase.TITLE, ContainerRuntimePhase.TITLE);
    private LabHosts lab;
    private LabHost master;
    private LabHost node;
    private LabHost registry;
    private Inventory inventory;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.builder().host("master", DockerSupport.TRIXIE_IMAGE).host("node01", DockerSupport.IMAGE)
                .host("registry", DockerSupport.TRIXIE_IMAGE).withoutAptCache("master", "node01").start();
        master = lab.host("master");
        node = lab.host("node01");
        registry = lab.host("registry");
        Path password = lab.dir().resolve("sudo-password");
        Files.writeString(password, lab.sudoPassword());
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        Path file = lab.dir().resolve("inventory.yaml");
        Files.writeString(file, """
                defaults:
                  user: root
                  auth:
                    keyFile: %s
                hosts:
                  - name: master
                    address: %s
                    user: deploy
                    sudo: passwordless
                    roles: [master, node]
                  - name: node01
                    address: %s
                    user: operator
                    sudo: password
                    sudoPassword: ${file:%s}
                    roles: [node]
                  - name: registry
                    address: %s
                    roles: [registry]
                cluster:
                  name: platforms
                  install:
                    etcd: packages
                    containerd: packages
                  ssh:
                    knownHosts: %s
                    hostKeyPolicy: strict
                """.formatted(lab.keys().ed25519(), master.address(), node.address(), password, registry.address(), lab.knownHosts()));
        inventory = Inventory.load(file);
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private Provisioner provisioner() {
        return provisioner(PHASES);
    }

    private Provisioner provisioner(List<String> phases) {
        return EngineHooks.builder(inventory).stateDirectory(lab.dir().resolve("state")).onlyPhases(phases).build();
    }

    private static String sh(LabHost h, String script) {
        return h.execOk(script).strip();
    }

    @Test
    @Order(1)
    void oneApplyOnDebian13AndDebian12HostsNobodyPreparedConverges() {
        assertThat(sh(master, ". /etc/os-release; echo $VERSION_ID; ls /var/lib/apt/lists | grep -c Packages || true")).isEqualTo("13\n0");
        assertThat(sh(node, ". /etc/os-release; echo $VERSION_ID; ls /var/cache/apt/archives | grep -c deb$ || true")).isEqualTo("12\n0");
        long t = System.nanoTime();
        ProvisionReport r = provisioner().apply();
        System.out.println("platforms apply: " + (System.nanoTime() - t) / 1_000_000 + " ms; slowest: " + r.steps().stream()
                .sorted(java.util.Comparator.comparing(StepReport::duration).reversed()).limit(4)
                .map(s -> s.host() + "/" + s.step() + "=" + s.duration().toMillis() + "ms").toList());
        assertThat(r.failures()).isEmpty();

        // Debian 13: etcd 3.5 healthy over TLS, containerd 1.7 answering with the config for 1.x.
        assertThat(sh(master, "dpkg-query -W -f='${Version}' etcd-server")).startsWith("3.5.");
        assertThat(sh(master, "ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/etcd/pki/ca.crt"
                + " --cert=/etc/etcd/pki/healthcheck-client.crt --key=/etc/etcd/pki/healthcheck-client.key endpoint health 2>&1"))
                .contains("is healthy");
        assertThat(sh(master, "ctr version | sed -n '/Server/,$p' | grep -m1 Version")).contains("1.7.");
        assertThat(sh(node, "ctr version | sed -n '/Server/,$p' | grep -m1 Version")).contains("1.6.");
        for (LabHost h : List.of(master, node)) {
            assertThat(sh(h, "systemctl is-active containerd")).isEqualTo("active");
            assertThat(sh(h, "sed -n 2p /etc/containerd/config.toml")).isEqualTo("# Config version 2, for containerd 1.x.");
            assertThat(sh(h, "ls /var/lib/apt/lists | grep -c Packages")).as("apt-get update ran").isNotEqualTo("0");
        }
        // The registry on Debian 13 answers over TLS, from the Debian 12 node, verified with our CA.
        assertThat(sh(node, "curl -s -o /dev/null -w '%{http_code}' --cacert /etc/kubernetes/pki/ca.crt https://registry:5000/v2/"))
                .isEqualTo("200");
        assertThat(sh(registry, "dpkg-query -W -f='${Version}' docker-registry")).startsWith("2.8.3");
    }

    @Test
    @Order(2)
    void thePlanRightAfterIsEmptyOnBothReleases() {
        ProvisionReport r = provisioner().plan();
        assertThat(r.failures()).isEmpty();
        assertThat(r.steps()).filteredOn(s -> s.status() != StepStatus.UNCHANGED)
                .extracting(s -> s.host() + "/" + s.phase() + "/" + s.step() + ": " + s.reason()).isEmpty();
        assertThat(r.steps()).filteredOn(s -> s.step().equals("containerd-config")).extracting(StepReport::reason)
                .anyMatch(s -> s.contains("installed containerd 1.7")).anyMatch(s -> s.contains("installed containerd 1.6"));
    }

    @Test
    @Order(3)
    void withSystemdResolvedRunningTheKubeletIsGivenItsUpstreamResolvConf() {
        // Debian packages systemd-resolved (Ubuntu runs it by default): installed here, the real facts
        // script reports it active and the kubelet's resolvConf becomes the upstream list, not the stub.
        String before = node.execOk(FactsScript.text(HostResolver.QUERY));
        assertThat(HostResolver.resolvConf(Optional.of(FactsParser.parse("node01", before, HostResolver.QUERY))))
                .isEqualTo("/etc/resolv.conf");
        node.execOk("DEBIAN_FRONTEND=noninteractive apt-get install -y -q systemd-resolved >/dev/null");
        String after = node.execOk(FactsScript.text(HostResolver.QUERY));
        String path = HostResolver.resolvConf(Optional.of(FactsParser.parse("node01", after, HostResolver.QUERY)));
        assertThat(path).isEqualTo("/run/systemd/resolve/resolv.conf");
        assertThat(sh(node, "grep -c '^nameserver' " + path)).isNotEqualTo("0");
        assertThat(sh(node, "grep '^nameserver' " + path)).doesNotContain("127.0.0.53");
    }

    @Test
    @Order(4)
    void anEnabledUfwGetsTheRegistryPortOpenedAndThenNothingMore() {
        // Ubuntu's firewall, from Debian's ufw package: enabled with SSH allowed, it blocks the registry.
        registry.execOk("DEBIAN_FRONTEND=noninteractive apt-get install -y -q ufw >/dev/null && ufw allow 22/tcp >/dev/null"
                + " && ufw --force enable >/dev/null");
        String probe = "curl -s -o /dev/null -w '%{http_code}' --max-time 3 --cacert /etc/kubernetes/pki/ca.crt https://registry:5000/v2/";
        assertThat(node.exec(probe).exitCode()).as("blocked by ufw").isNotZero();

        ProvisionReport r = provisioner(List.of(FirewallPhase.TITLE)).apply();
        assertThat(r.failures()).isEmpty();
        assertThat(r.steps()).filteredOn(s -> s.host().equals("registry")).extracting(StepReport::status).containsExactly(StepStatus.CHANGED);
        assertThat(sh(registry, "ufw status")).containsPattern("5000/tcp\\s+ALLOW\\s+Anywhere");
        assertThat(sh(node, probe)).isEqualTo("200");

        ProvisionReport again = provisioner(List.of(FirewallPhase.TITLE)).plan();
        assertThat(again.steps()).filteredOn(s -> s.host().equals("registry")).extracting(StepReport::reason).containsExactly("ufw allows 5000/tcp");
        assertThat(again.steps()).allMatch(s -> s.status() == StepStatus.UNCHANGED);
    }
    @Test
    @Order(5)
    void unitFactsReadFromTheFileSystemAgreeWithSystemctlOnBothReleases() {
        // The facts script reports a unit active and enabled from systemd's links alone, and asks systemctl about
        // every other unit: on a real systemd (252 on Debian 12, 257 on Debian 13) both answers must be the same.
        String units = "probe-on probe-running-disabled probe-enabled-stopped probe-looping probe-masked";
        for (LabHost h : List.of(master, node)) {
            h.execOk("for u in " + units + "; do printf '[Service]\\nExecStart=/bin/sleep 600\\n[Install]\\nWantedBy=multi-user.target\\n'"
                    + " > /etc/systemd/system/$u.service; done\n"
                    + "printf '[Service]\\nExecStart=/bin/false\\nRestart=always\\nRestartSec=60\\n[Install]\\nWantedBy=multi-user.target\\n'"
                    + " > /etc/systemd/system/probe-looping.service\n"
                    + "systemctl daemon-reload\n"
                    + "systemctl enable --no-reload probe-on probe-enabled-stopped probe-looping probe-masked 2>/dev/null\n"
                    + "systemctl start probe-on probe-running-disabled probe-looping probe-masked\n"
                    + "systemctl mask --runtime probe-masked 2>/dev/null\n"
                    + "for i in $(seq 50); do [ \"$(systemctl show -p SubState --value probe-looping)\" = auto-restart ] && break; sleep 0.1; done");
            java.util.Set<String> names = new java.util.TreeSet<>(List.of(units.split(" ")));
            names.addAll(List.of("ssh.service", "cron", "no-such-unit.service"));
            dev.provisioner.facts.FactsQuery q = dev.provisioner.facts.FactsQuery.units(names.toArray(String[]::new));
            dev.provisioner.facts.HostFacts facts = dev.provisioner.facts.FactsParser.parse(h.name(),
                    h.execOk("sh -c " + dev.provisioner.transport.Command.quote(dev.provisioner.facts.FactsScript.text(q))), q);
            for (String u : names) {
                String[] shown = h.execOk("systemctl show -p ActiveState -p UnitFileState --value " + u).split("\n", -1);
                assertThat(facts.unit(u)).as(h.name() + ": " + u)
                        .isEqualTo(new dev.provisioner.facts.UnitState(u, shown[0], shown[1].isEmpty() ? "not-found" : shown[1]));
            }
            assertThat(facts.unit("probe-on").isActive()).isTrue();
            assertThat(facts.unit("probe-looping").isActive()).as("waiting to be restarted").isFalse();
            h.execOk("systemctl unmask --runtime probe-masked; for u in " + units + "; do systemctl disable --now --no-reload $u 2>/dev/null;"
                    + " rm -f /etc/systemd/system/$u.service; done; systemctl daemon-reload; systemctl reset-failed");
        }
    }
}
