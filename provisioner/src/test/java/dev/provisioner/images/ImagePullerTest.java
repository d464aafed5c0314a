package dev.provisioner.images;

import com.sun.net.httpserver.HttpExchange;
import dev.provisioner.testsupport.TestHttpsServer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The puller against a real HTTPS server (the JDK's HttpsServer, test CA) acting as a registry with a token
 * service, the way registry.k8s.io and Docker Hub answer: 401 with a Bearer challenge, a token for
 * {@code repository:NAME:pull}, blobs redirected to another path. The upstream registries are unreachable here,
 * so the server is reached through the puller's documented mirror setting.
 */
class ImagePullerTest {
    private static final String REPO = "registry.k8s.io/pause";
    private static final String TOKEN = "t0k3n-secret";

    @TempDir
    Path tmp;
    private TestHttpsServer server;
    private final List<String> unauthorized = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> images = new LinkedHashMap<>();

    @BeforeEach
    void start() throws Exception {
        server = new TestHttpsServer();
        server.handle("/token", ex -> {
            String q = ex.getRequestURI().getQuery();
            if (q != null && q.contains("service=test-registry") && q.contains("scope=repository:" + REPO + ":pull")) {
                reply(ex, 200, "application/json", ("{\"token\":\"" + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8));
            } else {
                reply(ex, 400, "text/plain", ("bad token request " + q).getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private ImagePuller puller() {
        return new ImagePuller(new ImagePuller.Settings(Map.of("registry.k8s.io", URI.create(server.base())),
                Optional.of(server.clientTls())));
    }

    @Test
    void aMultiArchImageIsPulledWithAnAnonymousTokenForEveryArchitectureNeeded() throws Exception {
        Map<String, String> byArch = new LinkedHashMap<>();
        for (String arch : List.of("amd64", "arm64", "s390x")) {
            byArch.put(arch, image(arch, ("layer of " + arch).getBytes(StandardCharsets.UTF_8)));
        }
        String list = "{\"schemaVersion\":2,\"mediaType\":\"" + RegistryHttp.DOCKER_LIST + "\",\"manifests\":["
                + "{\"mediaType\":\"" + RegistryHttp.DOCKER_MANIFEST + "\",\"digest\":\"" + byArch.get("amd64")
                + "\",\"size\":" + images.get(byArch.get("amd64")).length + ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}},"
                + "{\"mediaType\":\"" + RegistryHttp.DOCKER_MANIFEST + "\",\"digest\":\"" + byArch.get("arm64")
                + "\",\"size\":" + images.get(byArch.get("arm64")).length + ",\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"}},"
                + "{\"mediaType\":\"" + RegistryHttp.DOCKER_MANIFEST + "\",\"digest\":\"" + byArch.get("s390x")
                + "\",\"size\":" + images.get(byArch.get("s390x")).length + ",\"platform\":{\"architecture\":\"s390x\",\"os\":\"linux\"}}]}";
        protect("/v2/" + REPO + "/manifests/3.10.1", RegistryHttp.DOCKER_LIST, list.getBytes(StandardCharsets.UTF_8));

        Path out = puller().pull("registry.k8s.io/pause:3.10.1", List.of("amd64", "arm64"), tmp.resolve("pause.tar"));

        assertThat(OciArchive.read(out).references()).containsExactly("registry.k8s.io/pause:3.10.1");
        Map<String, byte[]> entries = entries(out);
        Map<String, Object> index = RegistryHttp.json(new String(entries.get("index.json"), StandardCharsets.UTF_8), "index");
        Map<String, Object> top = RegistryHttp.map(RegistryHttp.list(index.get("manifests")).get(0));
        assertThat(top.get("mediaType")).isEqualTo(RegistryHttp.DOCKER_LIST);
        Map<String, Object> narrowed = RegistryHttp.json(new String(entries.get(blob(top.get("digest").toString())),
                StandardCharsets.UTF_8), "list");
        assertThat(RegistryHttp.list(narrowed.get("manifests"))).extracting(m -> RegistryHttp.map(m).get("digest"))
                .containsExactly(byArch.get("amd64"), byArch.get("arm64"));
        assertThat(entries).containsKeys(blob(byArch.get("amd64")), blob(byArch.get("arm64")))
                .doesNotContainKey(blob(byArch.get("s390x")));
        assertThat(new String(entries.get(blob("sha256:" + sha(("layer of arm64").getBytes(StandardCharsets.UTF_8)))),
                StandardCharsets.UTF_8)).isEqualTo("layer of arm64");
        assertThat(server.hits("/token")).as("one token for the pull").isEqualTo(1);
        assertThat(unauthorized).as("the first request is challenged").isNotEmpty();
        assertThat(server.hits("/cdn/" + sha("layer of s390x".getBytes(StandardCharsets.UTF_8)))).isZero();

        // and the archive is one the pusher accepts: exercised against a real registry in BundleTest
        assertThatThrownBy(() -> puller().pull("registry.k8s.io/pause:3.10.1", List.of("riscv64"), tmp.resolve("x.tar")))
                .isInstanceOf(ImagePullException.class)
                .hasMessageContaining("registry.k8s.io/pause:3.10.1").hasMessageContaining(server.base())
                .hasMessageContaining("no linux/riscv64 manifest");
        assertThat(tmp.resolve("x.tar")).doesNotExist();
    }

    /**
     * Like registry.k8s.io, whose answers are redirects to regional hosts that challenge for their own token (with
     * their own repository name in the scope): the redirected host gets its own token, the registry's never.
     */
    @Test
    void aRedirectedHostThatChallengesGetsItsOwnToken() throws Exception {
        try (TestHttpsServer regional = new TestHttpsServer(server)) {
            String manifest = image("amd64", "layer".getBytes(StandardCharsets.UTF_8));
            String path = "/v2/prod/images/pause/manifests/3.10.1";
            server.redirect("/v2/" + REPO + "/manifests/3.10.1", regional.base() + path);
            List<String> seen = new CopyOnWriteArrayList<>();
            regional.handle("/token", ex -> {
                String q = ex.getRequestURI().getQuery();
                reply(ex, q.contains("scope=repository:prod/images/pause:pull") ? 200 : 400, "application/json",
                        "{\"access_token\":\"regional-token\"}".getBytes(StandardCharsets.UTF_8));
            });
            regional.handle(path, ex -> {
                String auth = ex.getRequestHeaders().getFirst("Authorization");
                seen.add(String.valueOf(auth));
                if ("Bearer regional-token".equals(auth)) {
                    reply(ex, 200, RegistryHttp.OCI_MANIFEST, images.get(manifest));
                } else {
                    ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"" + regional.base()
                            + "/token\",service=\"regional\",scope=\"repository:prod/images/pause:pull\"");
                    reply(ex, 401, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
                }
            });

            assertThat(OciArchive.read(puller().pull("registry.k8s.io/pause:3.10.1", List.of("amd64"),
                    tmp.resolve("p.tar"))).references()).containsExactly("registry.k8s.io/pause:3.10.1");
            assertThat(seen).containsExactly("null", "Bearer regional-token");
            assertThat(seen).noneMatch(a -> a.contains(TOKEN));
        }
    }

    @Test
    void aBlobThatDoesNotMatchItsDigestIsRefused() throws Exception {
        String manifest = image("amd64", "good layer".getBytes(StandardCharsets.UTF_8));
        protect("/v2/" + REPO + "/manifests/3.10.1", RegistryHttp.OCI_MANIFEST, images.get(manifest));
        server.serve("/cdn/" + sha("good layer".getBytes(StandardCharsets.UTF_8)), "evil layer".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> puller().pull("registry.k8s.io/pause:3.10.1", List.of("amd64"), tmp.resolve("p.tar")))
                .isInstanceOf(ImagePullException.class)
                .hasMessageContaining("cannot pull image registry.k8s.io/pause:3.10.1 from " + server.base())
                .hasMessageContaining("does not match its digest").hasMessageNotContaining(TOKEN);
        assertThat(tmp.resolve("p.tar")).doesNotExist();
        assertThat(Files.list(tmp).toList()).as("no temporary files left").isEmpty();
    }

    @Test
    void aRedirectToPlainHttpIsRefused() throws Exception {
        String manifest = image("amd64", "layer".getBytes(StandardCharsets.UTF_8));
        protect("/v2/" + REPO + "/manifests/3.10.1", RegistryHttp.OCI_MANIFEST, images.get(manifest));
        String layer = "sha256:" + sha("layer".getBytes(StandardCharsets.UTF_8));
        server.redirect("/v2/" + REPO + "/blobs/" + layer, "http://127.0.0.1:9/cdn/" + layer.substring(7));

        assertThatThrownBy(() -> puller().pull("registry.k8s.io/pause:3.10.1", List.of("amd64"), tmp.resolve("p.tar")))
                .isInstanceOf(ImagePullException.class)
                .hasMessageContaining("registry.k8s.io/pause:3.10.1")
                .hasMessageContaining("refused redirect").hasMessageContaining("http://127.0.0.1:9/cdn/");
    }

    @Test
    void aSingleArchImageMustMatchEveryArchitectureNeeded() throws Exception {
        String manifest = image("amd64", "layer".getBytes(StandardCharsets.UTF_8));
        protect("/v2/" + REPO + "/manifests/3.10.1", RegistryHttp.OCI_MANIFEST, images.get(manifest));

        assertThat(OciArchive.read(puller().pull("registry.k8s.io/pause:3.10.1", List.of("amd64"), tmp.resolve("a.tar")))
                .references()).containsExactly("registry.k8s.io/pause:3.10.1");
        assertThatThrownBy(() -> puller().pull("registry.k8s.io/pause:3.10.1", List.of("amd64", "arm64"), tmp.resolve("b.tar")))
                .isInstanceOf(ImagePullException.class).hasMessageContaining("single linux/amd64 image")
                .hasMessageContaining("linux/arm64");
    }

    @Test
    void challengesAndPlatformsAreReadAsRegistriesWriteThem() {
        BearerChallenge c = BearerChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/nginx:pull\"").orElseThrow();
        assertThat(c.tokenUri("library/nginx").toString()).isEqualTo(
                "https://auth.docker.io/token?service=registry.docker.io&scope=repository%3Alibrary%2Fnginx%3Apull");
        assertThat(BearerChallenge.parse("Basic realm=\"x\"")).isEmpty();
        assertThat(ImagePuller.upstreamHost("docker.io")).isEqualTo("registry-1.docker.io");
        assertThat(ImagePuller.upstreamHost("registry.k8s.io")).isEqualTo("registry.k8s.io");
        Map<String, Object> index = Map.of("manifests", List.of(
                Map.of("digest", "a", "platform", Map.of("os", "linux", "architecture", "arm", "variant", "v7")),
                Map.of("digest", "b", "platform", Map.of("os", "windows", "architecture", "amd64")),
                Map.of("digest", "c", "platform", Map.of("os", "linux", "architecture", "amd64")),
                Map.of("digest", "d", "platform", Map.of("os", "linux", "architecture", "arm64", "variant", "v8"))));
        assertThat(ImagePuller.platform(index, "amd64")).map(m -> m.get("digest")).contains("c");
        assertThat(ImagePuller.platform(index, "arm64")).map(m -> m.get("digest")).contains("d");
        assertThat(ImagePuller.platform(index, "ppc64le")).isEmpty();
    }

    /** An OCI image manifest for {@code arch} with one layer; its config and layer served (layer via a redirect). */
    private String image(String arch, byte[] layer) {
        byte[] config = ("{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + RegistryHttp.OCI_MANIFEST + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:" + sha(config) + "\",\"size\":" + config.length
                + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"sha256:" + sha(layer)
                + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
        String digest = "sha256:" + sha(manifest);
        images.put(digest, manifest);
        protect("/v2/" + REPO + "/manifests/" + digest, RegistryHttp.OCI_MANIFEST, manifest);
        protect("/v2/" + REPO + "/blobs/sha256:" + sha(config), "application/octet-stream", config);
        // like registry.k8s.io: the blob request is answered by a redirect elsewhere (here: another path, https)
        server.redirect("/v2/" + REPO + "/blobs/sha256:" + sha(layer), server.base() + "/cdn/" + sha(layer) + "?sig=abc");
        server.serve("/cdn/" + sha(layer), layer);
        return digest;
    }

    /** Serves {@code body} only with the bearer token; without it a 401 with the challenge. */
    private void protect(String path, String type, byte[] body) {
        server.handle(path, ex -> {
            if (("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                reply(ex, 200, type, body);
            } else {
                unauthorized.add(path);
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"" + server.base()
                        + "/token\",service=\"test-registry\",scope=\"repository:" + REPO + ":pull\"");
                reply(ex, 401, "application/json", "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}".getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private static void reply(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }

    private static Map<String, byte[]> entries(Path tar) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream t = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = t.getNextEntry()) != null) {
                out.put(e.getName(), t.readAllBytes());
            }
        }
        return out;
    }

    private static String blob(String digest) {
        return "blobs/sha256/" + digest.substring("sha256:".length());
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
