package dev.provisioner.pki;

import dev.provisioner.transport.Upload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Which host receives which file, where, with which mode and owner. */
class HostLayoutTest {
    @TempDir
    static Path state;
    static PkiBundle bundle;

    @BeforeAll
    static void ensure() {
        bundle = ClusterPki.standard().ensure(PkiFixtures.inventory(PkiFixtures.THREE_MASTERS), state);
    }

    @Test
    void theFirstMasterGetsTheControlPlaneKubeletEtcdAndFlannelFiles() {
        assertThat(paths("master")).containsExactly(
                "/etc/kubernetes/pki/ca.crt", "/etc/kubernetes/pki/ca.key",
                "/etc/kubernetes/pki/apiserver.crt", "/etc/kubernetes/pki/apiserver.key",
                "/etc/kubernetes/pki/apiserver-kubelet-client.crt", "/etc/kubernetes/pki/apiserver-kubelet-client.key",
                "/etc/kubernetes/pki/apiserver-etcd-client.crt", "/etc/kubernetes/pki/apiserver-etcd-client.key",
                "/etc/kubernetes/pki/front-proxy-ca.crt",
                "/etc/kubernetes/pki/front-proxy-client.crt", "/etc/kubernetes/pki/front-proxy-client.key",
                "/etc/kubernetes/pki/sa.key", "/etc/kubernetes/pki/sa.pub",
                "/etc/kubernetes/pki/etcd/ca.crt",
                "/etc/kubernetes/pki/admin.crt", "/etc/kubernetes/pki/admin.key",
                "/etc/kubernetes/pki/controller-manager.crt", "/etc/kubernetes/pki/controller-manager.key",
                "/etc/kubernetes/pki/scheduler.crt", "/etc/kubernetes/pki/scheduler.key",
                "/etc/kubernetes/pki/super-admin.crt", "/etc/kubernetes/pki/super-admin.key",
                // masters register as Nodes: their own kubelet and kube-proxy credentials
                "/etc/kubernetes/pki/kubelet.crt", "/etc/kubernetes/pki/kubelet.key",
                "/etc/kubernetes/pki/kubelet-client.crt", "/etc/kubernetes/pki/kubelet-client.key",
                "/etc/kubernetes/pki/kube-proxy.crt", "/etc/kubernetes/pki/kube-proxy.key",
                "/etc/kubernetes/pki/flannel-etcd-client.crt", "/etc/kubernetes/pki/flannel-etcd-client.key",
                "/etc/etcd/pki/ca.crt", "/etc/etcd/pki/server.crt", "/etc/etcd/pki/server.key",
                "/etc/etcd/pki/peer.crt", "/etc/etcd/pki/peer.key",
                "/etc/etcd/pki/healthcheck-client.crt", "/etc/etcd/pki/healthcheck-client.key",
                "/etc/etcd/pki/root-client.crt", "/etc/etcd/pki/root-client.key");
        assertThat(paths("node01")).as("etcd's root identity stays on the members").noneMatch(p -> p.contains("root-client"));
    }

    @Test
    void onlyTheFirstMasterGetsTheBreakGlassSuperAdmin() {
        assertThat(paths("master2")).doesNotContain("/etc/kubernetes/pki/super-admin.crt", "/etc/kubernetes/pki/super-admin.key")
                .contains("/etc/kubernetes/pki/admin.key", "/etc/etcd/pki/server.key");
        assertThat(file("master2", "/etc/etcd/pki/server.crt").source()).isEqualTo("etcd/master2/server");
    }

    @Test
    void aNodeGetsItsKubeletKubeProxyAndFlannelFiles() {
        assertThat(paths("node01")).containsExactly(
                "/etc/kubernetes/pki/ca.crt",
                "/etc/kubernetes/pki/kubelet.crt", "/etc/kubernetes/pki/kubelet.key",
                "/etc/kubernetes/pki/kubelet-client.crt", "/etc/kubernetes/pki/kubelet-client.key",
                "/etc/kubernetes/pki/kube-proxy.crt", "/etc/kubernetes/pki/kube-proxy.key",
                "/etc/kubernetes/pki/etcd/ca.crt",
                "/etc/kubernetes/pki/flannel-etcd-client.crt", "/etc/kubernetes/pki/flannel-etcd-client.key");
        assertThat(file("node01", "/etc/kubernetes/pki/kubelet-client.crt").source()).isEqualTo("kubelet/node01/client");
        assertThat(file("node02", "/etc/kubernetes/pki/kubelet.crt").source()).isEqualTo("kubelet/node02/server");
    }

    @Test
    void theRegistryGetsItsServingPairAndTheClusterCa() {
        assertThat(paths("registry")).containsExactly("/etc/registry/pki/ca.crt", "/etc/registry/pki/registry.crt",
                "/etc/registry/pki/registry.key");
    }

    @Test
    void keysAre0600CertificatesAre0644OwnedByRootOrEtcd() {
        for (Map.Entry<String, List<HostFile>> host : bundle.filesByHost().entrySet()) {
            for (HostFile f : host.getValue()) {
                boolean key = f.path().endsWith(".key");
                assertThat(f.mode()).as(f.toString()).isEqualTo(key ? 0600 : 0644);
                assertThat(f.isPrivateKey()).isEqualTo(key);
                // etcd reads its own files; etcd's root identity is for root (etcdctl under sudo) alone.
                String owner = f.path().startsWith("/etc/etcd/") && !f.path().contains("root-client") ? "etcd" : "root";
                assertThat(f.owner()).as(f.toString()).isEqualTo(owner);
                assertThat(f.group()).as(f.toString()).isEqualTo(owner);
            }
        }
    }

    @Test
    void contentIsExactlyWhatTheStateDirectoryHolds() throws IOException {
        for (List<HostFile> files : bundle.filesByHost().values()) {
            for (HostFile f : files) {
                String ext = f.path().substring(f.path().lastIndexOf('.'));
                Path stored = PkiFixtures.pki(state).resolve(f.source() + ext);
                assertThat(f.content()).as(f.toString()).isEqualTo(Files.readAllBytes(stored));
            }
        }
    }

    @Test
    void onlyTheClusterCaKeyLeavesTheStateDirectory() {
        List<String> keys = bundle.filesByHost().values().stream().flatMap(List::stream)
                .filter(HostFile::isPrivateKey).map(HostFile::source).distinct().collect(Collectors.toList());
        assertThat(keys).contains("ca").doesNotContain("etcd/ca", "front-proxy-ca");
    }

    @Test
    void aHostFileBecomesAnUploadWithModeAndOwner() {
        HostFile key = file("master", "/etc/etcd/pki/peer.key");
        Upload upload = key.toUpload();
        assertThat(upload.remotePath()).isEqualTo("/etc/etcd/pki/peer.key");
        assertThat(upload.mode()).isEqualTo(0600);
        assertThat(upload.owner()).isEqualTo("etcd");
        assertThat(upload.content()).isEqualTo(key.content());
        assertThat(key.sha256()).hasSize(64);
        assertThat(key.withOwner("docker-registry", "docker-registry").owner()).isEqualTo("docker-registry");
        assertThat(key.text()).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void credentialsAreTheStoredPems() throws IOException {
        Credential admin = bundle.credential(PkiNames.ADMIN).orElseThrow();
        assertThat(admin.certificatePem()).isEqualTo(Files.readAllBytes(PkiFixtures.pki(state).resolve("admin.crt")));
        assertThat(admin.privateKeyPem()).isEqualTo(Files.readAllBytes(PkiFixtures.pki(state).resolve("admin.key")));
        assertThat(bundle.credential("no-such")).isEmpty();
        assertThat(bundle.filesFor("unknown-host")).isEmpty();
        assertThat(bundle.directory()).isEqualTo(PkiFixtures.pki(state));
    }

    private static List<String> paths(String host) {
        return bundle.filesFor(host).stream().map(HostFile::path).toList();
    }

    private static HostFile file(String host, String path) {
        return bundle.filesFor(host).stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }
}
