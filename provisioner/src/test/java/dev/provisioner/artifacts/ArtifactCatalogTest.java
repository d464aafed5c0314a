package dev.provisioner.artifacts;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped catalogue is well formed, and lookups refuse what it does not know. */
class ArtifactCatalogTest {
    private final ArtifactCatalog catalog = ArtifactCatalog.bundled();

    @Test
    void describesEveryComponentTheClusterInstalls() {
        assertThat(catalog.components()).contains("kube-apiserver", "kube-controller-manager", "kube-scheduler",
                "kubelet", "kube-proxy", "kubectl", "etcd", "flannel", "flannel-cni-plugin", "cni-plugins",
                "containerd", "runc", "crictl", "registry");
    }

    @Test
    void everyPinHasA64HexChecksumAKnownArchAValidUrlAndANamedSource() {
        assertThat(catalog.pins()).isNotEmpty();
        for (PinnedChecksum p : catalog.pins()) {
            assertThat(p.sha256()).as(p.toString()).matches("[0-9a-f]{64}");
            assertThat(p.arch()).isIn((Object[]) Arch.values());
            assertThat(catalog.sources()).as(p.toString()).containsKey(p.source());
            ComponentLayout l = catalog.layout(p.component());
            URI url = l.url(p.version(), p.arch());
            assertThat(url.getScheme()).isEqualTo("https");
            assertThat(url.getHost()).isNotBlank();
            assertThat(url.getPath()).contains(p.version()).contains(p.arch().id());
            assertThat(l.file(p.version(), p.arch())).doesNotStartWith("/").doesNotContain("..")
                    .contains(p.version()).contains(p.arch().id());
        }
    }

    @Test
    void checksumsAreDistinctAcrossEntries() {
        List<String> all = catalog.pins().stream().map(PinnedChecksum::sha256).toList();
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void expandsUpstreamUrlsAndFileNames() {
        ComponentLayout etcd = catalog.layout("etcd");
        assertThat(etcd.url("3.6.5", Arch.AMD64)).hasToString(
                "https://github.com/etcd-io/etcd/releases/download/v3.6.5/etcd-v3.6.5-linux-amd64.tar.gz");
        assertThat(etcd.file("3.6.5", Arch.ARM64)).isEqualTo("etcd-v3.6.5-linux-arm64.tar.gz");
        assertThat(etcd.binaries("3.6.5", Arch.AMD64)).containsEntry("etcdctl", "etcd-v3.6.5-linux-amd64/etcdctl");
        ComponentLayout apiserver = catalog.layout("kube-apiserver");
        assertThat(apiserver.url("1.34.0", Arch.AMD64))
                .hasToString("https://dl.k8s.io/release/v1.34.0/bin/linux/amd64/kube-apiserver");
        assertThat(apiserver.file("1.34.0", Arch.AMD64)).isEqualTo("v1.34.0/linux/amd64/kube-apiserver");
        assertThat(catalog.layout("runc").fileName("1.3.0", Arch.ARM64)).isEqualTo("runc.arm64");
    }

    @Test
    void pinsTheDefaultVersionsItFoundSourcesFor() {
        assertThat(catalog.knownVersions("etcd", Arch.AMD64)).contains("3.6.5");
        assertThat(catalog.knownVersions("kubelet", Arch.ARM64)).contains("1.34.0");
        assertThat(catalog.knownVersions("kubectl", Arch.AMD64)).contains("1.34.0");
        assertThat(catalog.knownVersions("containerd", Arch.AMD64)).contains("2.1.3");
        assertThat(catalog.requirePin(new ArtifactRequest("etcd", "v3.6.5", Arch.AMD64)).sha256())
                .isEqualTo("66bad39ed920f6fc15fd74adcb8bfd38ba9a6412f8c7852d09eb11670e88cac3");
    }

    @Test
    void unknownVersionIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> catalog.requirePin(new ArtifactRequest("etcd", "3.9.9", Arch.AMD64)))
                .isInstanceOf(UnknownArtifactVersionException.class)
                .hasMessageContaining("etcd 3.9.9 (amd64)")
                .hasMessageContaining("known versions: 3.5.25, 3.6.5")
                .satisfies(e -> assertThat(((UnknownArtifactVersionException) e).known())
                        .containsExactly("3.5.25", "3.6.5"));
        assertThatThrownBy(() -> catalog.requirePin(new ArtifactRequest("kube-apiserver", "1.34.0", Arch.AMD64)))
                .isInstanceOf(UnknownArtifactVersionException.class).hasMessageContaining("known versions: none");
    }

    @Test
    void unknownComponentAndArchAreRefused() {
        assertThatThrownBy(() -> catalog.layout("kube-dns")).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("unknown component 'kube-dns'").hasMessageContaining("etcd");
        assertThatThrownBy(() -> Arch.parse("s390x")).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("amd64, arm64");
        assertThat(Arch.parse("x86_64")).isEqualTo(Arch.AMD64);
        assertThat(Arch.parse("aarch64")).isEqualTo(Arch.ARM64);
    }

    @Test
    void malformedCataloguesAreRefused() {
        String head = "sources: {s: somewhere}\ncomponents:\n  tool:\n    url: \"https://example.org/{version}/tool-{arch}\"\n"
                + "    file: \"v{version}/linux/{arch}/tool\"\n    kind: raw\n    binary: tool\n    pins:\n";
        String good = "      - {version: \"1.0.0\", arch: amd64, sha256: \"" + "a".repeat(64) + "\", source: s}\n";
        assertThat(ArtifactCatalog.parse(head + good, "t").pins()).hasSize(1);
        assertThatThrownBy(() -> ArtifactCatalog.parse(head + good.replace("a".repeat(64), "abc"), "t"))
                .hasMessageContaining("64 lower-case hex");
        assertThatThrownBy(() -> ArtifactCatalog.parse(head + good.replace("amd64", "mips"), "t"))
                .hasMessageContaining("unknown architecture 'mips'");
        assertThatThrownBy(() -> ArtifactCatalog.parse(head + good.replace("source: s", "source: x"), "t"))
                .hasMessageContaining("source 'x' is not listed");
        assertThatThrownBy(() -> ArtifactCatalog.parse(head + good + good, "t")).hasMessageContaining("pinned twice");
        assertThatThrownBy(() -> ArtifactCatalog.parse(head.replace("https://", "ftp://") + good, "t"))
                .hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> ArtifactCatalog.parse(head.replace("v{version}/linux", "../{version}") + good, "t"))
                .hasMessageContaining("relative path");
        assertThatThrownBy(() -> ArtifactCatalog.parse(head + good.replace("\"1.0.0\"", "1.0"), "t"))
                .hasMessageContaining("quote versions");
    }

    @Test
    void versionsSortNumerically() {
        assertThat(List.of("1.10.0", "1.9.2", "1.9.10", "1.34.2", "1.34.0").stream()
                .sorted(ArtifactCatalog.VERSION_ORDER).toList())
                .containsExactly("1.9.2", "1.9.10", "1.10.0", "1.34.0", "1.34.2");
    }
}
