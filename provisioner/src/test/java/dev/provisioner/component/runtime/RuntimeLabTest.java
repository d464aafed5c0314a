package dev.provisioner.component.runtime;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.RegistryCertificatePaths;
import dev.provisioner.api.HostReport;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;
import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.component.prereq.PrereqSettings;
import dev.provisioner.component.prereq.PrerequisitesPhase;
import dev.provisioner.component.registry.RegistryPhase;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.ClusterPki;
import dev.provisioner.pki.HostFile;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.pki.PkiBundle;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import dev.provisioner.testsupport.TinyOciImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Host preparation and containerd on real lab hosts (systemd, OpenSSH, real apt): {@code node01}
 * (master, node), {@code node02} (node) and {@code registry}, the registry over TLS with a
 * certificate from the cluster CA. Then the registry is used the way a cluster uses it: an image
 * made here is pushed from node01 and pulled on node02 through the certs.d trust we wrote, and the
 * same pull without that trust fails. Hosts start once; the tests run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntimeLabTest {
    private static final List<String> PHASES = List.of(PrepareHostsPhase.TITLE, PrerequisitesPhase.TITLE, RegistryPhase.TITLE,
            ContainerRuntimePhase.TITLE);
    private LabHosts lab;
    private LabHost node01;
    private LabHost node02;
    private LabHost registry;
    private Inventory inventory;
    private Path state;
    private String maxMapCount;
    private String image;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("registry", "node01", "node02");
        node01 = lab.host("node01");
        node02 = lab.host("node02");
        registry = lab.host("registry");
        Path inventoryFile = lab.dir().resolve("inventory.yaml");
        Files.writeString(inventoryFile, """
                defaults:
                  user: root
                  auth:
                    keyFile: %s
                hosts:
                  - name: node01
                    address: %s
                    roles: [master, node]
                  - name: node02
                    address: %s
                    roles: [node]
                  - name: registry
                    address: %s
                    roles: [registry]
                cluster:
                  name: runtimelab
                  install:
                    containerd: packages
                  ssh:
                    knownHosts: %s
                    hostKeyPolicy: strict
                """.formatted(lab.keys().ed25519(), node01.address(), node02.address(), registry.address(), lab.knownHosts()));
        inventory = Inventory.load(inventoryFile);
        state = lab.dir().resolve("state");
        placePki(ClusterPki.standard().ensure(inventory, state));
        // A sysctl the lab's container cannot change: the report must say so instead of pretending.
        long live = Long.parseLong(sh(node02, "cat /proc/sys/vm/max_map_count"));
        maxMapCount = Long.toString(live + 1);
    }

    /**
     * Until the pki phase distributes certificates, the test places what these phases rely on: the
     * registry's certificate and key (readable by its service user) and the cluster CA on the nodes.
     */
    private void placePki(PkiBundle pki) {
        registry.execOk("adduser --quiet --system --group --no-create-home --home /var/lib/docker-registry docker-registry");
        for (HostFile f : pki.filesFor("registry")) {
            put(registry, f, f.isPrivateKey() ? "docker-registry:docker-registry" : "root:root");
        }
        for (LabHost node : List.of(node01, node02)) {
            HostFile ca = pki.filesFor(node.name()).stream().filter(f -> f.path().equals(HostPaths.CA_CERT)).findFirst().orElseThrow();
            put(node, ca, "root:root");
        }
    }

    private static void put(LabHost host, HostFile f, String owner) {
        host.execOk("mkdir -p " + f.path().substring(0, f.path().lastIndexOf('/')));
        host.put(f.path(), f.text());
        host.execOk(String.format("chmod %04o %s && chown %s %s", f.mode(), f.path(), owner, f.path()));
    }

    @AfterAll
    void stop() throws Exception {
        if (image != null) {
            run("docker", "rmi", "-f", image);
        }
        if (lab != null) {
            lab.close();
        }
    }

    private Provisioner provisioner() {
        RegistryCertificatePaths tls = new RegistryCertificatePaths(HostPaths.REGISTRY_CERT, HostPaths.REGISTRY_KEY, Optional.of(HostPaths.REGISTRY_CA_CERT));
        return EngineHooks.builder(inventory, plan -> plan.replace(PrerequisitesPhase.TITLE,
                        PrerequisitesPhase.create(PrereqSettings.standard().withSysctl("vm.max_map_count", maxMapCount)))).stateDirectory(state).registryCertificate(tls).onlyPhases(PHASES)
                .build();
    }

    private static String sh(LabHost h, String script) {
        return h.execOk(script).strip();
    }

    private static StepReport step(ProvisionReport r, String host, String step) {
        return r.steps().stream().filter(s -> s.host().equals(host) && s.step().equals(step)).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void applyPreparesHostsAndRunsContainerdTrustingTheRegistry() {
        long t = System.nanoTime();
        ProvisionReport r = provisioner().apply();
        System.out.println("first apply: " + (System.nanoTime() - t) / 1_000_000 + " ms");
        if (!r.failures().isEmpty()) {
            System.out.println(registry.exec("journalctl -u docker-registry --no-pager | tail -20").stdout());
        }
        assertThat(r.failures()).isEmpty();
        for (LabHost node : List.of(node01, node02)) {
            assertThat(sh(node, "systemctl is-active containerd; systemctl is-enabled containerd")).isEqualTo("active\nenabled");
            assertThat(sh(node, "ctr version")).contains("Server:").contains("Version:");
            assertThat(sh(node, "grep -c SystemdCgroup /etc/containerd/config.toml")).isEqualTo("1");
            for (String endpoint : List.of(registry.address() + ":5000", "registry:5000")) {
                assertThat(sh(node, "cat '/etc/containerd/certs.d/" + endpoint + "/hosts.toml'"))
                        .contains("server = \"https://" + endpoint + "\"").contains("ca = \"/etc/kubernetes/pki/ca.crt\"")
                        .doesNotContain("skip_verify");
            }
            assertThat(sh(node, "readlink /opt/cni/bin/bridge")).isEqualTo("/usr/lib/cni/bridge");
            assertThat(sh(node, "cat /etc/sysctl.d/k8s.conf")).contains("net.ipv4.ip_forward = 1").contains("vm.max_map_count = " + maxMapCount);
            assertThat(sh(node, "cat /etc/modules-load.d/k8s.conf")).contains("overlay\nbr_netfilter");
            assertThat(sh(node, "dpkg-query -W -f='${db:Status-Status}\\n' socat conntrack ipset kmod iptables")).doesNotContain("not");

            // The honest report of what the container forbids: nothing pretended, nothing failed.
            StepReport sysctl = step(r, node.name(), "sysctl");
            assertThat(sysctl.status()).isEqualTo(StepStatus.UNCHANGED);
            assertThat(sysctl.reason()).startsWith("cannot apply here: vm.max_map_count is")
                    .contains("wanted " + maxMapCount).contains("this host is a container (docker)").contains("/proc/sys is mounted read-only");
            assertThat(sh(node, "cat /proc/sys/vm/max_map_count")).isNotEqualTo(maxMapCount);
            System.out.println(node.name() + " sysctl: " + sysctl.reason());
            System.out.println(node.name() + " kernel-modules: " + step(r, node.name(), "kernel-modules").reason());
            System.out.println(node.name() + " swap-off: " + step(r, node.name(), "swap-off").reason());
            assertThat(step(r, node.name(), "kernel-modules").reason()).contains("(container: docker, /proc/sys read-only)");
        }
        assertThat(r.steps()).filteredOn(s -> s.host().equals("registry")).noneMatch(s -> s.phase().equals(ContainerRuntimePhase.TITLE));
        // The registry answers over TLS from a node, verified with our CA.
        assertThat(sh(node02, "curl -s -o /dev/null -w '%{http_code}' --cacert /etc/kubernetes/pki/ca.crt https://registry:5000/v2/")).isEqualTo("200");
        assertThat(sh(node02, "curl -s -o /dev/null -w '%{http_code}' --cacert /etc/kubernetes/pki/ca.crt https://registry:5001/v2/"))
                .as("the push endpoint wants the password").isEqualTo("401");
        // Only on the internal address, never on every interface.
        assertThat(sh(registry, "ss -Htln '( sport = :5000 or sport = :5001 )' | awk '{print $4}' | sort"))
                .isEqualTo(registry.address() + ":5000\n" + registry.address() + ":5001");
        for (LabHost node : List.of(node01, node02)) {
            assertThat(sh(node, "cat /etc/containerd/certs.d/registry:5000/hosts.toml")).contains("capabilities = [\"pull\", \"resolve\"]")
                    .doesNotContain("push\"");
        }
    }

    @Test
    @Order(2)
    void secondApplyChangesNothing() {
        String pid = sh(node01, "systemctl show -p MainPID --value containerd");
        long t = System.nanoTime();
        ProvisionReport r = provisioner().apply();
        System.out.println("second apply: " + (System.nanoTime() - t) / 1_000_000 + " ms; "
                + r.hosts().stream().map(h -> h.host() + "=" + h.counters()).toList());
        assertThat(r.failures()).isEmpty();
        assertThat(r.steps()).filteredOn(s -> s.status() == StepStatus.CHANGED).isEmpty();
        for (HostReport h : r.hosts()) {
            assertThat(h.counters().filesWritten()).as(h.host()).isZero();
            assertThat(h.counters().unitsRestarted()).as(h.host()).isZero();
        }
        assertThat(step(r, "node02", "registry-trust").reason()).endsWith("hosts.toml is read on every pull, no restart needed");
        assertThat(sh(node01, "systemctl show -p MainPID --value containerd")).isEqualTo(pid);
    }

    @Test
    @Order(3)
    void theRegistryRefusesAnonymousPushesTakesAnAuthenticatedOneAndNode02PullsIt() throws Exception {
        image = "registry:5000/tiny:" + Long.toHexString(System.nanoTime());
        Path dir = Files.createTempDirectory(lab.dir(), "image");
        Files.writeString(dir.resolve("hello.txt"), "hello from the provisioner lab\n");
        run("tar", "-C", dir.toString(), "-cf", dir.resolve("rootfs.tar").toString(), "hello.txt");
        run("docker", "import", "-c", "CMD [\"/hello.txt\"]", dir.resolve("rootfs.tar").toString(), image);
        run("docker", "save", "-o", dir.resolve("image.tar").toString(), image);
        run("docker", "cp", dir.resolve("image.tar").toString(), node01.containerId() + ":/root/image.tar");

        node01.execOk("ctr -n k8s.io images import /root/image.tar");
        String tls = " --tlscacert /etc/kubernetes/pki/ca.crt ";
        // Anonymous writes are refused on both endpoints: the pull endpoint is read-only, the push endpoint wants the password.
        LabHost.Exec readOnly = node01.exec("ctr -n k8s.io images push" + tls + image + " 2>&1");
        assertThat(readOnly.exitCode()).as(readOnly.stdout()).isNotZero();
        String pushImage = image.replace("registry:5000", "registry:5001");
        node01.execOk("ctr -n k8s.io images tag " + image + " " + pushImage);
        LabHost.Exec anonymous = node01.exec("ctr -n k8s.io images push" + tls + pushImage + " 2>&1");
        assertThat(anonymous.exitCode()).as(anonymous.stdout()).isNotZero();
        assertThat(anonymous.stdout()).containsIgnoringCase("unauthorized");
        LabHost.Exec wrong = node01.exec("ctr -n k8s.io images push" + tls + "--user push:not-the-password " + pushImage + " 2>&1");
        assertThat(wrong.exitCode()).as(wrong.stdout()).isNotZero();
        assertThat(sh(registry, "curl -s --cacert " + HostPaths.REGISTRY_CA_CERT + " https://registry:5000/v2/_catalog")).doesNotContain("\"tiny\"");

        // With the credentials provisioner generated into the state directory (0600): accepted.
        Path credentials = state.resolve(dev.provisioner.component.registry.RegistryPush.CREDENTIALS_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        String push = node01.execOk("ctr -n k8s.io images push" + tls + "--user " + Files.readString(credentials).strip() + " " + pushImage
                + " 2>&1");
        System.out.println("push: " + push.lines().reduce((a, b) -> b).orElse(""));
        assertThat(sh(registry, "curl -s --cacert " + HostPaths.REGISTRY_CA_CERT + " https://registry:5000/v2/_catalog")).contains("\"tiny\"");

        // Without our trust (no hosts.toml, so no CA): TLS verification fails.
        LabHost.Exec untrusted = node02.exec("mkdir -p /tmp/no-trust && ctr -n k8s.io images pull --hosts-dir /tmp/no-trust " + image + " 2>&1");
        assertThat(untrusted.exitCode()).isNotZero();
        assertThat(untrusted.stdout() + untrusted.stderr()).contains("x509");

        // With it: by name (resolved through the /etc/hosts block) and by address.
        node02.execOk("ctr -n k8s.io images pull --hosts-dir /etc/containerd/certs.d " + image);
        String byAddress = image.replace("registry:5000", registry.address() + ":5000");
        node02.execOk("ctr -n k8s.io images pull --hosts-dir /etc/containerd/certs.d " + byAddress);
        assertThat(sh(node02, "ctr -n k8s.io images ls -q")).contains(image).contains(byAddress);
        String digest01 = sh(node01, "ctr -n k8s.io images ls name==" + image + " | awk 'NR==2 {print $3}'");
        assertThat(sh(node02, "ctr -n k8s.io images ls name==" + image + " | awk 'NR==2 {print $3}'")).isEqualTo(digest01).startsWith("sha256:");
    }

    @Test
    @Order(4)
    void applyPushesTheSystemImagesAndNode02PullsThemThroughTheRegistryK8sIoMirror() throws Exception {
        // An OCI archive named like the sandbox image (a tiny stand-in: public images cannot be pulled here) in the
        // artifacts directory's images/: apply pushes it from the controller into the private registry, then node02
        // pulls it by its upstream name. The lab has no route to registry.k8s.io: only the mirror can serve it.
        Path artifacts = lab.dir().resolve("artifacts");
        TinyOciImage.write(Files.createDirectories(artifacts.resolve("images")).resolve("pause.tar"), "registry.k8s.io/pause:3.10.1");
        RegistryCertificatePaths tls = new RegistryCertificatePaths(HostPaths.REGISTRY_CERT, HostPaths.REGISTRY_KEY, Optional.of(HostPaths.REGISTRY_CA_CERT));
        ProvisionReport r = EngineHooks.builder(inventory, plan -> plan.replace(PrerequisitesPhase.TITLE,
                        PrerequisitesPhase.create(PrereqSettings.standard().withSysctl("vm.max_map_count", maxMapCount)))).stateDirectory(state).registryCertificate(tls).onlyPhases(PHASES)
                .artifactsDirectory(artifacts).build().apply();
        assertThat(r.failures()).isEmpty();
        assertThat(sh(registry, "curl -s --cacert " + HostPaths.REGISTRY_CA_CERT + " https://registry:5000/v2/_catalog"))
                .contains("\"registry.k8s.io/pause\"");
        assertThat(sh(node02, "cat /etc/containerd/certs.d/registry.k8s.io/hosts.toml"))
                .contains("[host.\"https://" + registry.address() + ":5000/v2/registry.k8s.io\"]");
        node02.execOk("ctr -n k8s.io images pull --hosts-dir /etc/containerd/certs.d registry.k8s.io/pause:3.10.1");
        assertThat(sh(node02, "ctr -n k8s.io images ls -q")).contains("registry.k8s.io/pause:3.10.1");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ": " + out);
        }
    }
}
