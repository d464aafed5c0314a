package dev.provisioner.images;

import dev.provisioner.Secret;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.provisioner.images.RegistryHttp.deleteTree;
import static dev.provisioner.images.RegistryHttp.digest;
import static dev.provisioner.images.RegistryHttp.expect;
import static dev.provisioner.images.RegistryHttp.json;
import static dev.provisioner.images.RegistryHttp.list;
import static dev.provisioner.images.RegistryHttp.map;

/**
 * Pushes the images of OCI archives into the private registry with the OCI distribution API (blob uploads, then
 * manifests by tag), each under its {@link ImageName#mirrorRepository() mirror repository}, so containerd's
 * mirror configuration finds {@code registry.k8s.io/pause:3.10} there. Blobs the registry has are skipped, so a
 * second push transfers only manifests. This is the one place that talks to the registry for pushes: the
 * credentials it sends (HTTP basic, the inventory's {@code cluster.registry.auth}) are decided by the caller.
 */
public final class RegistryPusher {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryPusher.class);

    /** User and password for the registry's HTTP basic authentication. */
    public record Credentials(String user, Secret password) {
    }

    private final URI registry;
    private final Optional<Credentials> credentials;
    private final HttpClient client;

    /**
     * @param registry    {@code https://host:port} (or {@code http://} for a registry without TLS)
     * @param tls         trust for the registry's certificate (the cluster CA), else the JDK's
     * @param credentials basic authentication, when the registry requires it
     */
    public RegistryPusher(URI registry, Optional<SSLContext> tls, Optional<Credentials> credentials) {
        this.registry = registry;
        this.credentials = credentials;
        this.client = RegistryHttp.client(tls);
    }

    /**
     * Pushes every image of {@code archive}.
     *
     * @return the references pushed, as {@code <mirror repository>:<tag>}
     * @throws IOException when the archive is unreadable or the registry refuses a request (status and URL named)
     */
    public List<String> push(OciArchive archive) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("provisioner-oci-");
        try {
            unpack(archive.file(), dir);
            Map<String, Object> index = json(dir.resolve("index.json"));
            List<String> pushed = new ArrayList<>();
            for (Object o : list(index.get("manifests"))) {
                Map<String, Object> desc = map(o);
                Object name = map(desc.getOrDefault("annotations", Map.of())).get(OciArchive.CONTAINERD_NAME);
                Object ref = map(desc.getOrDefault("annotations", Map.of())).get(OciArchive.OCI_REF_NAME);
                String reference = name != null ? name.toString() : ref != null ? ref.toString() : null;
                if (reference == null || !archive.references().contains(reference)) {
                    continue;
                }
                ImageName image = ImageName.parse(reference);
                String repo = image.mirrorRepository();
                pushManifest(dir, repo, desc, image.tag());
                pushed.add(repo + ":" + image.tag());
                LOG.info("pushed {} to {} as {}:{}", reference, registry, repo, image.tag());
            }
            return pushed;
        } finally {
            deleteTree(dir);
        }
    }

    /** Pushes the blobs a manifest (or index) refers to, then the manifest under {@code tagOrDigest}. */
    private void pushManifest(Path dir, String repo, Map<String, Object> desc, String tagOrDigest)
            throws IOException, InterruptedException {
        String digest = digest(desc);
        Path file = blob(dir, digest);
        Map<String, Object> manifest = json(file);
        String mediaType = String.valueOf(desc.getOrDefault("mediaType", manifest.get("mediaType")));
        if (RegistryHttp.isIndex(mediaType)) {
            for (Object child : list(manifest.get("manifests"))) {
                Map<String, Object> c = map(child);
                if (Files.exists(blobPath(dir, digest(c)))) {
                    pushManifest(dir, repo, c, digest(c));
                }
            }
        } else {
            pushBlob(dir, repo, digest(map(manifest.get("config"))));
            for (Object layer : list(manifest.get("layers"))) {
                pushBlob(dir, repo, digest(map(layer)));
            }
        }
        HttpRequest put = request(registry.resolve("/v2/" + repo + "/manifests/" + tagOrDigest))
                .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofFile(file)).build();
        expect(send(put), 201, "manifest " + repo + ":" + tagOrDigest);
    }

    private void pushBlob(Path dir, String repo, String digest) throws IOException, InterruptedException {
        URI blobUri = registry.resolve("/v2/" + repo + "/blobs/" + digest);
        if (send(request(blobUri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).statusCode() == 200) {
            return;
        }
        HttpResponse<String> start = send(request(registry.resolve("/v2/" + repo + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        expect(start, 202, "upload of " + digest + " to " + repo);
        String location = start.headers().firstValue("Location")
                .orElseThrow(() -> new IOException(registry + " gave no upload location for " + repo));
        URI upload = registry.resolve(location);
        URI put = URI.create(upload + (upload.getQuery() == null ? "?" : "&") + "digest=" + digest);
        HttpResponse<String> done = send(request(put).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofFile(blob(dir, digest))).build());
        expect(done, 201, "blob " + digest + " of " + repo);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).header("User-Agent", RegistryHttp.USER_AGENT);
        credentials.ifPresent(c -> b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (c.user() + ":" + c.password().reveal()).getBytes(StandardCharsets.UTF_8))));
        return b;
    }

    private HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        return client.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static Path blobPath(Path dir, String digest) {
        return dir.resolve("blobs/sha256/" + digest.substring("sha256:".length()));
    }

    private static Path blob(Path dir, String digest) throws IOException {
        Path p = blobPath(dir, digest);
        if (!Files.isRegularFile(p)) {
            throw new IOException("the OCI archive lacks blob " + digest);
        }
        return p;
    }

    private static void unpack(Path archive, Path dir) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
                if (!e.isFile() || e.isSymbolicLink() || e.isLink()
                        || !(name.equals("index.json") || name.matches("blobs/sha256/[0-9a-f]{64}"))) {
                    continue;
                }
                Path out = dir.resolve(name);
                Files.createDirectories(out.getParent());
                Files.copy(tar, out);
            }
        }
    }
}
