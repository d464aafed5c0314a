package dev.provisioner.bundle;

import dev.provisioner.artifacts.Arch;
import dev.provisioner.artifacts.ArtifactCatalog;
import dev.provisioner.artifacts.ArtifactRequest;
import dev.provisioner.artifacts.ArtifactResolver;
import dev.provisioner.artifacts.ChecksumSource;
import dev.provisioner.artifacts.DownloadSettings;
import dev.provisioner.artifacts.LockFile;
import dev.provisioner.artifacts.ResolvedArtifact;
import dev.provisioner.artifacts.ResolverSettings;
import dev.provisioner.images.ClusterImages;
import dev.provisioner.images.ImagePullException;
import dev.provisioner.images.ImagePuller;
import dev.provisioner.images.OciArchive;
import dev.provisioner.images.RegistryPusher;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.testsupport.LocalRegistry;
import dev.provisioner.testsupport.TestHttpsServer;
import dev.provisioner.testsupport.TinyOciImage;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bundle made from a real HTTPS server (test CA) serving every release file of an inventory with dl.k8s.io
 * style {@code .sha256} files, then used with downloads off and pins required after the server is gone. The
 * release "binaries" are this machine's {@code ls} (Kubernetes release files cannot be downloaded here); etcd's
 * is a real tar.gz whose binary runs after extraction.
 */
class BundleTest {
    private static final List<String> RAW = List.of("flannel", "flannel-cni-plugin", "kube-apiserver",
            "kube-controller-manager", "kube-scheduler", "kubectl", "kubelet", "kube-proxy", "containerd", "runc",
            "cni-plugins");
    private static final String INVENTORY = """
            defaults:
              auth:
                keyFile: ~/.ssh/id_ed25519
            hosts:
              - name: master
                address: 10.4.4.4
                roles: [master, node]
            cluster:
              name: airgap
              registry:
                enabled: false
            """;

    @TempDir
    Path tmp;
    TestHttpsServer server;
    ArtifactCatalog catalog;
    byte[] binary;

    @BeforeEach
    void serve() throws Exception {
        server = new TestHttpsServer();
        binary = Files.readAllBytes(Path.of("/bin/ls"));
        StringBuilder yaml = new StringBuilder("sources: {}\ncomponents:\n");
        for (String c : RAW) {
            String url = "/" + c + "/v{version}/{arch}/" + c;
            yaml.append("  ").append(c).append(":\n    url: \"").append(server.base()).append(url).append("\"\n")
                    .append("    checksums: \"").append(server.base()).append(url).append(".sha256\"\n")
                    .append("    file: \"v{version}/linux/{arch}/").append(c).append("\"\n    kind: raw\n")
                    .append("    binary: ").append(c).append("\n    pins: []\n");
        }
        yaml.append("  etcd:\n    url: \"").append(server.base()).append("/etcd/v{version}/etcd-v{version}-linux-{arch}.tar.gz\"\n")
                .append("    checksums: \"").append(server.base()).append("/etcd/v{version}/SHA256SUMS\"\n")
                .append("    file: \"etcd-v{version}-linux-{arch}.tar.gz\"\n    kind: tar.gz\n")
                .append("    binaries: {etcd: \"etcd-v{version}-linux-{arch}/etcd\"}\n    pins: []\n");
        catalog = ArtifactCatalog.parse(yaml.toString(), "test");
        Inventory inv = inventory();
        for (ArtifactRequest r : ReleaseSet.of(inv, List.of(Arch.AMD64))) {
            String path = catalog.layout(r.component()).url(r.version(), r.arch()).getPath();
            if (r.component().equals("etcd")) {
                Path src = Files.createDirectories(tmp.resolve("src/etcd-v" + r.version() + "-linux-amd64"));
                Files.write(src.resolve("etcd"), binary);
                new ProcessBuilder("tar", "-C", tmp.resolve("src").toString(), "-czf", tmp.resolve("etcd.tgz").toString(),
                        src.getFileName().toString()).inheritIO().start().waitFor();
                byte[] tgz = Files.readAllBytes(tmp.resolve("etcd.tgz"));
                server.serve(path, tgz);
                server.serve(path.substring(0, path.lastIndexOf('/')) + "/SHA256SUMS", (sha(tgz) + "  "
                        + path.substring(path.lastIndexOf('/') + 1) + "\n").getBytes(StandardCharsets.US_ASCII));
            } else {
                server.serve(path, binary);
                server.serve(path + ".sha256", (sha(binary) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private static Inventory inventory() {
        return Inventory.parse(INVENTORY, "test.yaml");
    }

    private static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private Path create() throws IOException {
        Path state = tmp.resolve("connected-state");
        ResolverSettings settings = ResolverSettings.forState(state, Optional.empty(),
                DownloadSettings.defaults().withTls(server.clientTls()));
        Path out = tmp.resolve("cluster.bundle");
        new BundleCreator(catalog, settings).create(inventory(), List.of(Arch.AMD64),
                List.of(TinyOciImage.write(tmp.resolve("pause.oci.tar"), "registry.k8s.io/pause:3.10")), out);
        return out;
    }

    @Test
    void aBundleMadeOnAConnectedMachineInstallsWithNoNetworkAndPinsRequired() throws Exception {
        Path bundle = create();
        server.close(); // the air-gapped site has no route to the release server

        Path state = tmp.resolve("site-state");
        OpenedBundle opened = BundleReader.unpack(bundle, state);
        ArtifactResolver offline = new ArtifactResolver(catalog, ResolverSettings.forState(state,
                Optional.of(opened.directory()), DownloadSettings.offline()).withRequirePinned(true));

        ResolvedArtifact etcd = offline.resolve(new ArtifactRequest("etcd", inventory().cluster().versions().etcd(), Arch.AMD64));
        assertThat(etcd.source()).isEqualTo(ChecksumSource.LOCK_FILE);
        assertThat(new ProcessBuilder(etcd.binary("etcd").toString(), "/").start().waitFor()).isZero();
        assertThat(offline.resolveAll(ReleaseSet.of(inventory(), List.of(Arch.AMD64)))).hasSize(12);
        assertThat(Files.readString(state.resolve(LockFile.FILE_NAME))).contains("kube-apiserver  ")
                .contains("publisher:" + server.base() + "/kube-apiserver/");
        assertThat(opened.images()).containsOnlyKeys("registry.k8s.io/pause:3.10");
        assertThat(opened.manifest().cluster()).isEqualTo("airgap");
    }

    /**
     * {@code bundle create} with no image archive pulls the cluster's images. The upstream registries
     * (registry.k8s.io, Docker Hub) cannot be reached here, so a real distribution registry (Debian's docker-registry)
     * on 127.0.0.1, serving HTTPS with a certificate from the test CA, holds tiny images under their upstream names (pause multi-arch, as upstream) and the puller is
     * pointed at it with its mirror setting; the bundle's archives are then checked by the bundle reader and pushed
     * into a second, empty registry as apply does on site.
     */
    @Test
    void aBundleWithoutImageArchivesPullsTheClusterImagesFromTheirRegistries() throws Exception {
        Path upstream = Files.createDirectories(tmp.resolve("upstream-registry"));
        Path site = Files.createDirectories(tmp.resolve("site-registry"));
        try (LocalRegistry registry = new LocalRegistry(upstream, server); LocalRegistry siteRegistry = new LocalRegistry(site)) {
            assertThat(registry.url().getScheme()).isEqualTo("https");
            RegistryPusher seed = new RegistryPusher(registry.url(), Optional.of(server.clientTls()), Optional.empty());
            seed.push(OciArchive.read(TinyOciImage.writeMultiArch(tmp.resolve("p.tar"), ClusterImages.PAUSE, "amd64", "arm64")));
            seed.push(OciArchive.read(TinyOciImage.write(tmp.resolve("c.tar"), ClusterImages.COREDNS)));
            seed.push(OciArchive.read(TinyOciImage.write(tmp.resolve("n.tar"), ClusterImages.SMOKE_APP)));
            ImagePuller puller = new ImagePuller(new ImagePuller.Settings(
                    Map.of("registry.k8s.io", registry.url(), "docker.io", registry.url()), Optional.of(server.clientTls())));

            Path out = tmp.resolve("pulled.bundle");
            new BundleCreator(catalog, ResolverSettings.forState(tmp.resolve("connected-state"), Optional.empty(),
                    DownloadSettings.defaults().withTls(server.clientTls())))
                    .create(inventory(), List.of(Arch.AMD64), List.of(), Optional.of(puller), out);

            OpenedBundle opened = BundleReader.unpack(out, tmp.resolve("site-state"));
            assertThat(opened.images()).containsOnlyKeys(ClusterImages.REQUIRED);
            RegistryPusher onSite = new RegistryPusher(siteRegistry.url(), Optional.empty(), Optional.empty());
            for (Path archive : opened.images().values()) {
                onSite.push(OciArchive.read(archive));
            }
            HttpResponse<String> pause = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    siteRegistry.url().resolve("/v2/registry.k8s.io/pause/manifests/3.10.1"))
                    .header("Accept", "application/vnd.oci.image.index.v1+json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(pause.statusCode()).isEqualTo(200);
            assertThat(pause.body()).as("narrowed to the inventory's architectures").contains("\"amd64\"").doesNotContain("arm64");
            assertThat(tmp).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".bundle-images-"));

            // a registry without the images: the error names image and registry, and no bundle is written
            Path none = tmp.resolve("none.bundle");
            try (LocalRegistry emptyRegistry = new LocalRegistry(Files.createDirectories(tmp.resolve("empty-registry")))) {
                ImagePuller empty = new ImagePuller(new ImagePuller.Settings(
                        Map.of("registry.k8s.io", emptyRegistry.url(), "docker.io", emptyRegistry.url()), Optional.empty()));
                assertThatThrownBy(() -> new BundleCreator(catalog, ResolverSettings.forState(tmp.resolve("connected-state"),
                        Optional.empty(), DownloadSettings.defaults().withTls(server.clientTls())))
                        .create(inventory(), List.of(Arch.AMD64), List.of(), Optional.of(empty), none))
                        .isInstanceOf(ImagePullException.class)
                        .hasMessageContaining("cannot pull image " + ClusterImages.PAUSE + " from " + emptyRegistry.url())
                        .hasMessageContaining("HTTP 404");
            }
            assertThat(none).doesNotExist();
        }
    }

    @Test
    void aBundleWithAChangedFileIsRefused() throws Exception {
        Path bundle = rewrite(create(), (name, bytes) -> name.endsWith("/kubelet") ? flip(bytes) : bytes);
        Path state = tmp.resolve("site-state");
        assertThatThrownBy(() -> BundleReader.unpack(bundle, state)).isInstanceOf(BundleException.class)
                .hasMessageContaining("SHA-256 mismatch for v").hasMessageContaining("/linux/amd64/kubelet");
        assertThat(state.resolve("bundle")).doesNotExist();
        assertThat(state.resolve(LockFile.FILE_NAME)).doesNotExist();
    }

    @Test
    void aBundleWhoseManifestDoesNotMatchItsChecksumsIsRefused() throws Exception {
        // the manifest loses an image entry, and SHA256SUMS is made consistent with the edited manifest
        Path edited = rewrite(create(), (name, bytes) -> name.equals(BundleManifest.FILE_NAME)
                ? new String(bytes, StandardCharsets.UTF_8).replaceAll("(?m)^  images/pause.oci.tar: .*\\n", "")
                .getBytes(StandardCharsets.UTF_8) : bytes);
        Path bundle = resum(edited);
        assertThatThrownBy(() -> BundleReader.unpack(bundle, tmp.resolve("site-state")))
                .isInstanceOf(BundleException.class).hasMessageContaining("manifest.yaml does not list exactly");
    }

    private static byte[] flip(byte[] b) {
        byte[] c = b.clone();
        c[c.length / 2] ^= 1;
        return c;
    }

    /** The bundle with each entry's bytes passed through {@code change}. */
    private Path rewrite(Path bundle, BiFunction<String, byte[], byte[]> change) throws IOException {
        Map<String, byte[]> entries = read(bundle);
        entries.replaceAll(change);
        return write(entries, tmp.resolve("changed-" + entries.hashCode() + ".bundle"));
    }

    /** The bundle with SHA256SUMS recomputed from its entries. */
    private Path resum(Path bundle) throws Exception {
        Map<String, byte[]> entries = read(bundle);
        StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!e.getKey().equals(BundleReader.SUMS)) {
                sums.append(sha(e.getValue())).append("  ").append(e.getKey()).append('\n');
            }
        }
        entries.put(BundleReader.SUMS, sums.toString().getBytes(StandardCharsets.UTF_8));
        return write(entries, tmp.resolve("resummed.bundle"));
    }

    private static Map<String, byte[]> read(Path bundle) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(bundle); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                entries.put(e.getName(), tar.readAllBytes());
            }
        }
        return entries;
    }

    private static Path write(Map<String, byte[]> entries, Path out) throws IOException {
        try (OutputStream o = Files.newOutputStream(out); TarArchiveOutputStream tar = new TarArchiveOutputStream(o)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry t = new TarArchiveEntry(e.getKey());
                t.setSize(e.getValue().length);
                tar.putArchiveEntry(t);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out;
    }
}
