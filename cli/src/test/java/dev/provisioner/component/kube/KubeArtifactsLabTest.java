package dev.provisioner.component.kube;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepFailure;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;
import dev.provisioner.artifacts.ArtifactCatalog;
import dev.provisioner.artifacts.ArtifactResolver;
import dev.provisioner.artifacts.DownloadSettings;
import dev.provisioner.artifacts.ResolverSettings;
import dev.provisioner.cli.ExitCodes;
import dev.provisioner.cli.Main;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live, on one lab host that is master and node (no registry, etcd and containerd from Debian's
 * packages, to stay fast and obtainable):
 * <ol>
 *   <li>without Kubernetes artifacts (they cannot be obtained here), {@code apply} completes every
 *       phase before the Kubernetes ones, then stops at the first step that needs release files with one
 *       message naming every missing file and how to supply them ({@code --artifacts DIR}); the report
 *       marks the run incomplete and the CLI exits {@value ExitCodes#INCOMPLETE};</li>
 *   <li>the release-binary install path of the Kubernetes phases ({@link ReleaseBinariesStep}) with a
 *       real Kubernetes binary that IS obtainable here: kubectl from Debian's {@code kubernetes-client}
 *       package (1.20.2), served through an artifacts directory with SHA256SUMS: installed 0755 root and
 *       runnable, converged on the next run, and refused with a tampered checksum (nothing installed).
 *       The server binaries (kube-apiserver, kubelet, ...) and flanneld take the same path but cannot be
 *       obtained here; their units are proven by {@link KubeUnitsVerifyLabTest}.</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubeArtifactsLabTest {
    static final String KUBECTL_VERSION = "1.20.2";
    private LabHosts lab;
    private LabHost master;
    private Path inventoryFile;
    private Inventory inventory;
    private Path state;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("master");
        master = lab.host("master");
        inventoryFile = lab.dir().resolve("inventory.yaml");
        state = lab.dir().resolve("state");
        Files.writeString(inventoryFile, """
                defaults:
                  user: root
                  auth:
                    keyFile: %s
                hosts:
                  - name: master
                    address: %s
                    roles: [master, node]
                cluster:
                  name: kubelab
                  registry:
                    enabled: false
                  install:
                    etcd: packages          # Debian's etcd and containerd: obtainable here
                    containerd: packages
                  ssh:
                    knownHosts: %s
                    hostKeyPolicy: strict
                """.formatted(lab.keys().ed25519(), master.address(), lab.knownHosts()));
        inventory = Inventory.load(inventoryFile);
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void applyWithoutKubeArtifactsCompletesEveryEarlierPhaseThenStopsNamingTheMissingFiles() {
        Provisioner p = EngineHooks.builder(inventory).stateDirectory(state).build();
        List<String> titles = p.phaseTitles();
        int flannel = titles.indexOf("flannel");
        assertThat(flannel).as("phases " + titles).isPositive();
        assertThat(titles.subList(flannel, titles.size())).containsExactly("flannel", "control-plane", "kube-node", "addons");

        ProvisionReport r = p.apply();

        assertThat(r.failures()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.incomplete()).as(f.message()).isTrue();
            assertThat(f.phase()).isEqualTo("flannel");
            assertThat(f.step()).isEqualTo("flannel-binaries");
        });
        String message = r.failures().get(0).message();
        assertThat(message).contains("release files are missing", "--artifacts", "SHA256SUMS",
                "flannel 0.27.4", "flannel-cni-plugin " + InstallSet.FLANNEL_CNI_PLUGIN_VERSION,
                "kube-apiserver 1.34.0", "kube-controller-manager 1.34.0", "kube-scheduler 1.34.0", "kubectl 1.34.0",
                "kubelet 1.34.0", "kube-proxy 1.34.0", "v1.34.0/linux/amd64/kube-apiserver");
        for (StepReport s : r.steps()) {
            int phase = titles.indexOf(s.phase());
            if (phase < flannel) {
                assertThat(s.status()).as(s.phase() + "/" + s.step() + ": " + s.reason())
                        .isIn(StepStatus.CHANGED, StepStatus.UNCHANGED);
            } else if (phase > flannel) {
                assertThat(s.status()).as(s.phase() + "/" + s.step()).isEqualTo(StepStatus.SKIPPED);
            }
        }
        assertThat(r.steps()).extracting(StepReport::phase).containsAll(titles.subList(0, flannel));
        assertThat(master.exec("test -e /usr/local/bin/flanneld").exitCode()).isNotZero();
    }

    @Test
    @Order(2)
    void theCliSaysIncompleteWithItsOwnExitCode() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String generation = master.execOk("cat /var/lib/provisioner/run.gen");
        int code = cl.execute("apply", "-i", inventoryFile.toString(), "--state", state.toString());
        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(out + "\n" + err).contains("--artifacts").contains("kube-apiserver");
        // The phases waiting for release files leave their files missing run after run: that is no change to make,
        // so this re-run, which changes nothing, takes no run lock (a taken lock writes the generation).
        assertThat(master.execOk("cat /var/lib/provisioner/run.gen")).as("no lock taken").isEqualTo(generation);
    }

    @Test
    @Order(3)
    void aRealKubeBinaryFromAnArtifactsDirectoryIsInstalledThenConvergedAndATamperedOneRefused() throws Exception {
        Path artifacts = lab.dir().resolve("artifacts");
        Path kubectl = artifacts.resolve("v" + KUBECTL_VERSION + "/linux/amd64/kubectl");
        Files.createDirectories(kubectl.getParent());
        master.execOk("DEBIAN_FRONTEND=noninteractive apt-get -q install -y kubernetes-client >/dev/null && /usr/bin/kubectl version --client");
        Process cp = new ProcessBuilder("docker", "cp", master.containerId() + ":/usr/bin/kubectl", kubectl.toString())
                .redirectErrorStream(true).start();
        assertThat(cp.waitFor()).as(new String(cp.getInputStream().readAllBytes())).isZero();
        master.execOk("DEBIAN_FRONTEND=noninteractive apt-get -q remove -y kubernetes-client >/dev/null");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(kubectl)));
        Files.writeString(artifacts.resolve("SHA256SUMS"), sha + "  v" + KUBECTL_VERSION + "/linux/amd64/kubectl\n");

        ProvisionReport first = kubectlOnly(artifacts, "/usr/local/bin/kubectl").apply();
        assertThat(first.failures()).isEmpty();
        assertThat(first.steps()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(StepStatus.CHANGED));
        assertThat(master.execOk("stat -c '%a %U:%G' /usr/local/bin/kubectl").strip()).isEqualTo("755 root:root");
        assertThat(master.execOk("/usr/local/bin/kubectl version --client 2>&1")).contains("v1.20");
        assertThat(master.execOk("sha256sum /usr/local/bin/kubectl")).startsWith(sha);

        ProvisionReport second = kubectlOnly(artifacts, "/usr/local/bin/kubectl").apply();
        assertThat(second.failures()).isEmpty();
        assertThat(second.steps()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(StepStatus.UNCHANGED));
        assertThat(second.totals().bytesSent()).isZero();

        Path tampered = lab.dir().resolve("tampered");
        Path copy = tampered.resolve("v" + KUBECTL_VERSION + "/linux/amd64/kubectl");
        Files.createDirectories(copy.getParent());
        Files.copy(kubectl, copy);
        Files.writeString(tampered.resolve("SHA256SUMS"), "0".repeat(64) + "  v" + KUBECTL_VERSION + "/linux/amd64/kubectl\n");
        ProvisionReport refused = kubectlOnly(tampered, "/usr/local/bin/kubectl-tampered", lab.dir().resolve("state-tampered")).apply();
        assertThat(refused.failures()).singleElement().satisfies((StepFailure f) -> {
            assertThat(f.incomplete()).isFalse();
            assertThat(f.message()).contains("SHA-256 mismatch", "nothing was installed");
        });
        assertThat(master.exec("test -e /usr/local/bin/kubectl-tampered").exitCode()).isNotZero();
    }

    private Provisioner kubectlOnly(Path artifacts, String path) {
        return kubectlOnly(artifacts, path, lab.dir().resolve("state-kubectl"));
    }

    /** Only a phase with the release-binary step of the kube phases, installing kubectl at {@code path}. */
    private Provisioner kubectlOnly(Path artifacts, String path, Path stateDir) {
        ArtifactResolver resolver = new ArtifactResolver(ArtifactCatalog.bundled(),
                ResolverSettings.forState(stateDir, Optional.of(artifacts), DownloadSettings.offline()));
        ReleaseBinary kubectl = new ReleaseBinary("kubectl", KUBECTL_VERSION, "kubectl", path);
        KubeArtifacts set = new KubeArtifacts(resolver, List.of(kubectl));
        Phase phase = Phase.of("kubectl", HostSelector.roles(Role.MASTER), new ReleaseBinariesStep("kubectl-binary", set, ctx -> List.of(kubectl)));
        return EngineHooks.builder(inventory, plan -> Plan.of(phase)).stateDirectory(stateDir).build();
    }
}
