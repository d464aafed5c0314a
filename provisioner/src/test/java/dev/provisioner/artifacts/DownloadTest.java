package dev.provisioner.artifacts;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The download path against a local HTTP server on 127.0.0.1 serving a real binary. The catalogue here is
 * a test catalogue pointing at that server; its checksums are computed from the served file.
 */
class DownloadTest {
    @TempDir
    Path tmp;
    HttpServer server;
    Path cache;
    byte[] good;
    String goodSha;
    String archiveSha;
    final Map<String, byte[]> served = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @BeforeEach
    void serve() throws Exception {
        good = Files.readAllBytes(Fixtures.realBinary());
        goodSha = Fixtures.sha256(Fixtures.realBinary());
        Path src = Files.createDirectories(tmp.resolve("src/bin"));
        Files.copy(Fixtures.realBinary(), src.resolve("tool"));
        Fixtures.tar(tmp.resolve("src"), "-czf", tmp.resolve("bundle.tar.gz").toString(), "./bin");
        archiveSha = Fixtures.sha256(tmp.resolve("bundle.tar.gz"));

        served.put("/files/1.0.0/tool-amd64", good);
        served.put("/files/6.6.6/tool-amd64", "not the pinned bytes".getBytes());
        served.put("/bundle/2.0.0/bundle-amd64.tar.gz", Files.readAllBytes(tmp.resolve("bundle.tar.gz")));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            if (path.startsWith("/redirect/")) {
                ex.getResponseHeaders().add("Location", path.replace("/redirect/", "/files/"));
                ex.sendResponseHeaders(302, -1);
                ex.close();
                return;
            }
            byte[] body = served.get(path);
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        cache = tmp.resolve("state/artifacts");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private ArtifactCatalog catalog(String base) {
        return ArtifactCatalog.parse("sources: {test: computed from the served file}\ncomponents:\n"
                + "  tool:\n    url: \"" + base + "/files/{version}/tool-{arch}\"\n"
                + "    file: \"v{version}/linux/{arch}/tool-{arch}\"\n    kind: raw\n    binary: tool\n    pins:\n"
                + "      - {version: \"1.0.0\", arch: amd64, sha256: \"" + goodSha + "\", source: test}\n"
                + "      - {version: \"6.6.6\", arch: amd64, sha256: \"" + goodSha + "\", source: test}\n"
                + "      - {version: \"4.0.4\", arch: amd64, sha256: \"" + goodSha + "\", source: test}\n"
                + "  moved:\n    url: \"" + base + "/redirect/{version}/tool-{arch}\"\n"
                + "    file: \"moved/v{version}/tool-{arch}\"\n    kind: raw\n    binary: tool\n    pins:\n"
                + "      - {version: \"1.0.0\", arch: amd64, sha256: \"" + goodSha + "\", source: test}\n"
                + "  bundle:\n    url: \"" + base + "/bundle/{version}/bundle-{arch}.tar.gz\"\n"
                + "    file: \"bundle-{version}-{arch}.tar.gz\"\n    kind: tar.gz\n    binaries: {tool: bin/tool}\n"
                + "    pins:\n      - {version: \"2.0.0\", arch: amd64, sha256: \"" + archiveSha + "\", source: test}\n",
                "test");
    }

    private ArtifactResolver resolver(DownloadSettings download) {
        return new ArtifactResolver(catalog(base()), new ResolverSettings(cache, Optional.empty(), download));
    }

    private ArtifactResolver resolver() {
        return resolver(DownloadSettings.defaults());
    }

    @Test
    void downloadsOnceVerifiesAndReusesTheCache() throws Exception {
        ArtifactRequest tool = new ArtifactRequest("tool", "1.0.0", Arch.AMD64);

        ResolvedArtifact first = resolver().resolve(tool);

        assertThat(first.origin()).isEqualTo(Origin.DOWNLOAD);
        assertThat(first.source()).isEqualTo(ChecksumSource.CATALOGUE);
        assertThat(first.file()).isEqualTo(cache.toAbsolutePath().resolve(goodSha).resolve("tool-amd64"));
        assertThat(Files.readAllBytes(first.binary("tool"))).isEqualTo(good);
        assertThat(Fixtures.run(first.binary("tool"), "/")).isZero();
        assertThat(hits.get("/files/1.0.0/tool-amd64")).hasValue(1);

        ResolvedArtifact second = resolver().resolve(tool);

        assertThat(second.origin()).isEqualTo(Origin.CACHE);
        assertThat(second.file()).isEqualTo(first.file());
        assertThat(hits.get("/files/1.0.0/tool-amd64")).as("no second request").hasValue(1);
        assertThat(Fixtures.files(cache.resolve("tmp"))).isEmpty();
    }

    @Test
    void wrongBytesAreRefusedAndNothingStaysInTheCache() throws Exception {
        assertThatThrownBy(() -> resolver().resolve(new ArtifactRequest("tool", "6.6.6", Arch.AMD64)))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining("expected " + goodSha)
                .hasMessageContaining("/files/6.6.6/tool-amd64");
        assertThat(Fixtures.files(cache)).isEmpty();
    }

    @Test
    void followsRedirects() {
        ResolvedArtifact r = resolver().resolve(new ArtifactRequest("moved", "1.0.0", Arch.AMD64));
        assertThat(r.origin()).isEqualTo(Origin.DOWNLOAD);
        assertThat(hits.get("/files/1.0.0/tool-amd64")).hasValue(1);
    }

    @Test
    void extractsTheBinariesOfADownloadedArchiveOnce() throws Exception {
        ArtifactRequest bundle = new ArtifactRequest("bundle", "2.0.0", Arch.AMD64);
        ResolvedArtifact r = resolver().resolve(bundle);
        assertThat(r.binary("tool")).isEqualTo(cache.toAbsolutePath().resolve(archiveSha).resolve("bin/tool"));
        assertThat(Files.readAllBytes(r.binary("tool"))).isEqualTo(good);
        assertThat(Fixtures.run(r.binary("tool"), "/")).isZero();
        long modified = Files.getLastModifiedTime(r.binary("tool")).toMillis();

        ResolvedArtifact again = resolver().resolve(bundle);
        assertThat(again.origin()).isEqualTo(Origin.CACHE);
        assertThat(Files.getLastModifiedTime(again.binary("tool")).toMillis()).isEqualTo(modified);
    }

    @Test
    void aDamagedCacheEntryIsDownloadedAgain() throws Exception {
        ArtifactRequest tool = new ArtifactRequest("tool", "1.0.0", Arch.AMD64);
        Path file = resolver().resolve(tool).file();
        Files.write(file, new byte[]{0});

        ResolvedArtifact again = resolver().resolve(tool);

        assertThat(again.origin()).isEqualTo(Origin.DOWNLOAD);
        assertThat(Files.readAllBytes(again.file())).isEqualTo(good);
        assertThat(hits.get("/files/1.0.0/tool-amd64")).hasValue(2);
    }

    @Test
    void httpErrorsAndUnreachableHostsBecomeMissingArtifacts() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ArtifactResolver deadHost = new ArtifactResolver(catalog("http://127.0.0.1:" + closedPort),
                new ResolverSettings(cache, Optional.empty(), DownloadSettings.defaults()));
        assertThatThrownBy(() -> deadHost.resolveAll(List.of(new ArtifactRequest("tool", "1.0.0", Arch.AMD64),
                new ArtifactRequest("bundle", "2.0.0", Arch.AMD64))))
                .isInstanceOfSatisfying(MissingArtifacts.class, e -> {
                    assertThat(e.missing()).hasSize(2);
                    assertThat(e.missing().get(0).reason()).startsWith("download failed");
                    assertThat(e.missing().get(1).reason()).contains("unreachable earlier in this run");
                });

        assertThatThrownBy(() -> resolver().resolve(new ArtifactRequest("tool", "4.0.4", Arch.AMD64)))
                .isInstanceOf(MissingArtifacts.class).hasMessageContaining("HTTP 404");
        assertThat(Fixtures.files(cache)).isEmpty();
    }

    @Test
    void aHostThatDoesNotResolveFailsBeforeAnyHttpClientExistsUnlessAProxyResolvesIt() throws Exception {
        // .invalid never resolves (RFC 2606): the download fails at the name, and no HTTP client (with its selector
        // thread, which would hold the JVM's exit for up to 300 ms) was made.
        java.net.URI url = java.net.URI.create("https://no-such-host.invalid/files/tool");
        Downloader direct = new Downloader(DownloadSettings.defaults());
        assertThatThrownBy(() -> direct.fetch(url, tmp.resolve("tool"))).isInstanceOf(java.net.UnknownHostException.class);
        assertThat(direct.clientBuilt()).isFalse();
        assertThat(Files.exists(tmp.resolve("tool"))).isFalse();

        DownloadSettings d = DownloadSettings.defaults();
        DownloadSettings proxied = new DownloadSettings(true, d.connectTimeout(), d.responseTimeout(), d.totalTimeout(),
                Optional.of(java.net.URI.create("http://proxy.corp:3128")), List.of("bypassed.invalid"), d.maxBytes(), d.tls());
        Downloader viaProxy = new Downloader(proxied);
        viaProxy.resolvable(url); // the proxy resolves the name: not asked here
        assertThatThrownBy(() -> viaProxy.resolvable(java.net.URI.create("https://bypassed.invalid/x")))
                .as("a NO_PROXY host is reached directly, so its name must resolve here")
                .isInstanceOf(java.net.UnknownHostException.class);

        ArtifactResolver resolver = new ArtifactResolver(catalog("https://no-such-host.invalid"),
                new ResolverSettings(cache, Optional.empty(), DownloadSettings.defaults()));
        assertThatThrownBy(() -> resolver.resolve(new ArtifactRequest("tool", "1.0.0", Arch.AMD64)))
                .isInstanceOf(MissingArtifacts.class).hasMessageContaining("cannot reach no-such-host.invalid");
    }

    @Test
    void offlineRunsDoNotDownload() {
        assertThatThrownBy(() -> resolver(DownloadSettings.offline())
                .resolve(new ArtifactRequest("tool", "1.0.0", Arch.AMD64)))
                .isInstanceOf(MissingArtifacts.class).hasMessageContaining("downloads are switched off");
        assertThat(hits).isEmpty();
    }

    @Test
    void anUnpinnedVersionIsNotDownloaded() {
        assertThatThrownBy(() -> resolver().resolve(new ArtifactRequest("tool", "9.9.9", Arch.AMD64)))
                .isInstanceOf(MissingArtifacts.class)
                .hasMessageContaining("known versions: 1.0.0, 4.0.4, 6.6.6");
        assertThat(hits).isEmpty();
    }

    @Test
    void noProxyHostsGoDirect() throws IOException {
        NoProxySelector s = new NoProxySelector(java.net.URI.create("http://proxy.corp:3128"),
                List.of("localhost", ".internal", "example.org"));
        assertThat(s.bypass("localhost")).isTrue();
        assertThat(s.bypass("a.b.internal")).isTrue();
        assertThat(s.bypass("example.org")).isTrue();
        assertThat(s.bypass("dl.example.org")).isTrue();
        assertThat(s.bypass("dl.k8s.io")).isFalse();
        assertThat(s.select(java.net.URI.create("https://dl.k8s.io/x")).get(0).type())
                .isEqualTo(java.net.Proxy.Type.HTTP);
    }
}
