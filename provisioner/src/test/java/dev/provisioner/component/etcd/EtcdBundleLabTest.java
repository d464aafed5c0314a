package dev.provisioner.component.etcd;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepStatus;
import dev.provisioner.artifacts.Arch;
import dev.provisioner.artifacts.ArtifactCatalog;
import dev.provisioner.artifacts.ArtifactRequest;
import dev.provisioner.artifacts.DownloadSettings;
import dev.provisioner.artifacts.LockFile;
import dev.provisioner.artifacts.ResolverSettings;
import dev.provisioner.bundle.BundleCreator;
import dev.provisioner.bundle.ReleaseSet;
import dev.provisioner.component.network.NetworkConfigPhase;
import dev.provisioner.component.pki.PkiPhase;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import dev.provisioner.testsupport.TestHttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An air-gapped install from a bundle: the bundle is made from a real HTTPS server (test CA) publishing a real
 * etcd release archive (built from Debian's etcd 3.5 packages) with an upstream-style {@code SHA256SUMS}; the
 * server is then stopped and apply runs with the bundle, pins required, on a lab host. The Kubernetes release
 * files in the bundle are stand-ins (this machine's {@code ls}): they cannot be downloaded here and these phases
 * do not install them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EtcdBundleLabTest {
    private static final List<String> PHASES = List.of(PkiPhase.TITLE, EtcdPhase.TITLE, NetworkConfigPhase.TITLE);
    private LabHosts lab;
    private LabHost m1;
    private Inventory inventory;
    private DebianEtcdRelease release;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("m1");
        m1 = lab.host("m1");
        release = DebianEtcdRelease.fetch(m1, Files.createDirectories(lab.dir().resolve("release")));
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
                cluster:
                  name: airgap
                  versions:
                    etcd: "%s"
                  registry:
                    enabled: false
                  install:
                    containerd: packages
                  ssh:
                    knownHosts: %s
                    hostKeyPolicy: strict
                """.formatted(lab.keys().ed25519(), m1.address(), release.version(), lab.knownHosts()));
        inventory = Inventory.load(file);
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private Path bundle() throws Exception {
        byte[] standIn = Files.readAllBytes(Path.of("/bin/ls"));
        byte[] tgz = Files.readAllBytes(release.archive());
        try (TestHttpsServer server = new TestHttpsServer()) {
            StringBuilder yaml = new StringBuilder("sources: {}\ncomponents:\n");
            ArtifactCatalog real = ArtifactCatalog.bundled();
            for (ArtifactRequest r : ReleaseSet.of(inventory, List.of(Arch.AMD64))) {
                var layout = real.layout(r.component());
                String path = "/" + r.component() + "/v{version}/"
                        + layout.urlPattern().substring(layout.urlPattern().lastIndexOf('/') + 1);
                String url = server.base() + path;
                String sums = r.component().equals("etcd") ? server.base() + "/etcd/v{version}/SHA256SUMS" : url + ".sha256";
                yaml.append("  ").append(r.component()).append(":\n    url: \"").append(url).append("\"\n    checksums: \"")
                        .append(sums).append("\"\n    file: \"").append(layout.filePattern()).append("\"\n    kind: raw\n")
                        .append("    binary: x\n    pins: []\n");
                String served = path.replace("{version}", r.version()).replace("{arch}", "amd64");
                byte[] bytes = r.component().equals("etcd") ? tgz : standIn;
                server.serve(served, bytes);
                String fileName = served.substring(served.lastIndexOf('/') + 1);
                String sumsPath = r.component().equals("etcd") ? "/etcd/v" + r.version() + "/SHA256SUMS" : served + ".sha256";
                server.serve(sumsPath, (sha(bytes) + "  " + fileName + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            ArtifactCatalog catalog = ArtifactCatalog.parse(yaml.toString(), "lab test");
            Path out = lab.dir().resolve("airgap.bundle");
            new BundleCreator(catalog, ResolverSettings.forState(lab.dir().resolve("connected-state"), Optional.empty(),
                    DownloadSettings.defaults().withTls(server.clientTls()))).create(inventory, List.of(Arch.AMD64), List.of(), out);
            return out;
        }
    }

    private static String sha(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    private ProvisionReport apply(Path bundle) {
        return EngineHooks.builder(inventory).stateDirectory(lab.dir().resolve("site-state"))
                .bundle(bundle).requirePinned(true).onlyPhases(PHASES).build().apply();
    }

    @Test
    void etcdIsInstalledFromTheBundleWithNoNetworkAndARerunChangesNothing() throws Exception {
        Path bundle = bundle(); // the release server is gone from here on

        ProvisionReport first = apply(bundle);
        assertThat(first.failures()).isEmpty();
        assertThat(m1.execOk("/usr/local/bin/etcd --version | head -1").strip()).isEqualTo("etcd Version: " + release.version());
        assertThat(m1.execOk("systemctl is-active etcd").strip()).isEqualTo("active");
        assertThat(Files.readString(lab.dir().resolve("site-state").resolve(LockFile.FILE_NAME)))
                .contains("etcd  " + release.version() + "  amd64  https://127.0.0.1:");

        ProvisionReport again = apply(bundle);
        assertThat(again.failures()).isEmpty();
        assertThat(again.steps()).noneMatch(s -> s.status() == StepStatus.CHANGED);
    }
}
