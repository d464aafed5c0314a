package dev.provisioner.images;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.provisioner.images.RegistryHttp.digest;
import static dev.provisioner.images.RegistryHttp.list;
import static dev.provisioner.images.RegistryHttp.map;

/**
 * Pulls an image from its registry with the OCI distribution API and writes it as an OCI archive in the format
 * {@link OciArchive} and {@link RegistryPusher} read. Anonymous pulls: a {@code 401} with a {@code Bearer}
 * challenge is answered with a token from its realm for {@code repository:NAME:pull}. Docker Hub's
 * {@code docker.io} is asked at {@code registry-1.docker.io}. Redirects (registry.k8s.io sends blobs to other
 * hosts, which may challenge for their own token) are followed only to {@code https} URLs; a token goes only to the
 * host that asked for it. From an image index or
 * manifest list the {@code linux} manifest of every architecture asked for is taken (all must exist), and the
 * archive's index is that list narrowed to them; every manifest and blob is checked against its digest while it
 * streams, and a mismatch is refused.
 *
 * <p>{@link Settings#mirrors()} sends a registry's pulls to another registry laid out the way the private
 * registry is ({@code /v2/<registry>/<repository>/...}, see {@link ImageName#mirrorRepository()}): a site mirror,
 * or a test registry where the upstream registries cannot be reached.
 */
public final class ImagePuller {
    private static final Logger LOG = LoggerFactory.getLogger(ImagePuller.class);
    private static final String ACCEPT = String.join(", ", RegistryHttp.OCI_INDEX, RegistryHttp.DOCKER_LIST,
            RegistryHttp.OCI_MANIFEST, RegistryHttp.DOCKER_MANIFEST);
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_MANIFEST = 4 << 20;

    /**
     * @param mirrors registry host (as in the image name, e.g. {@code registry.k8s.io}) to the base URL of a
     *                registry that holds its images under {@code <registry>/<repository>}; empty: upstream
     * @param tls     trust for the registries' certificates, else the JDK's CAs
     */
    public record Settings(Map<String, URI> mirrors, Optional<SSLContext> tls) {
        public Settings {
            mirrors = Map.copyOf(mirrors);
            Objects.requireNonNull(tls, "tls");
        }

        /** The upstream registries, trusted with the JDK's CAs. */
        public static Settings upstream() {
            return new Settings(Map.of(), Optional.empty());
        }
    }

    private final Settings settings;
    private final HttpClient client;

    public ImagePuller(Settings settings) {
        this.settings = settings;
        this.client = RegistryHttp.client(settings.tls());
    }

    /**
     * Pulls {@code reference} for the {@code linux/<arch>} platforms given (e.g. {@code amd64}, {@code arm64}) into
     * the OCI archive {@code out} (written next to it first, then renamed into place).
     *
     * @throws ImagePullException naming the image and the registry when it cannot be had or does not verify
     */
    public Path pull(String reference, List<String> architectures, Path out) {
        ImageName name = ImageName.parse(reference);
        URI mirror = settings.mirrors().get(name.registry());
        URI base = mirror != null ? mirror : URI.create("https://" + upstreamHost(name.registry()));
        Session s = new Session(base, mirror != null ? name.mirrorRepository() : name.repository());
        Path dir = null;
        try {
            dir = Files.createTempDirectory(out.toAbsolutePath().getParent(), ".pull-");
            s.layout = dir;
            Files.createDirectories(dir.resolve("blobs/sha256"));
            Fetched top = s.manifest(name.tag(), null);
            Fetched image = RegistryHttp.isIndex(top.mediaType) ? narrow(s, top, architectures, name)
                    : single(s, top, architectures, name);
            writeArchive(dir, image, reference, name.tag(), out);
            LOG.info("pulled {} from {} ({})", reference, base, String.join(",", architectures));
            return out;
        } catch (IOException e) {
            throw new ImagePullException("cannot pull image " + reference + " from " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImagePullException("pull of image " + reference + " from " + base + " interrupted", e);
        } finally {
            try {
                if (dir != null) {
                    RegistryHttp.deleteTree(dir);
                }
            } catch (IOException e) {
                LOG.warn("cannot remove {}: {}", dir, e.getMessage());
            }
        }
    }

    /** Docker Hub's API host; other registries answer on their own name. */
    static String upstreamHost(String registry) {
        return registry.equals("docker.io") ? "registry-1.docker.io" : registry;
    }

    /** One manifest or index as stored in the layout: its descriptor fields and parsed content. */
    private record Fetched(String mediaType, String digest, long size, Map<String, Object> doc) {
        Map<String, Object> descriptor() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("mediaType", mediaType);
            d.put("digest", digest);
            d.put("size", size);
            return d;
        }
    }

    private Fetched narrow(Session s, Fetched index, List<String> architectures, ImageName name)
            throws IOException, InterruptedException {
        List<Object> chosen = new ArrayList<>();
        for (String arch : architectures) {
            Map<String, Object> desc = platform(index.doc, arch).orElseThrow(() -> new IOException(
                    "its index has no linux/" + arch + " manifest (the inventory's hosts need it)"));
            Fetched m = s.manifest(digest(desc), digest(desc));
            s.blobsOf(m);
            Map<String, Object> d = new LinkedHashMap<>(desc);
            d.put("mediaType", m.mediaType);
            chosen.add(d);
        }
        Map<String, Object> narrowed = new LinkedHashMap<>();
        narrowed.put("schemaVersion", 2);
        narrowed.put("mediaType", index.mediaType);
        narrowed.put("manifests", chosen);
        byte[] bytes = Json.write(narrowed).getBytes(StandardCharsets.UTF_8);
        String digest = "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
        Files.write(s.blobPath(digest), bytes);
        return new Fetched(index.mediaType, digest, bytes.length, narrowed);
    }

    private Fetched single(Session s, Fetched manifest, List<String> architectures, ImageName name)
            throws IOException, InterruptedException {
        s.blobsOf(manifest);
        Map<String, Object> config = RegistryHttp.json(s.blobPath(digest(map(manifest.doc.get("config")))));
        String arch = String.valueOf(config.get("architecture"));
        for (String a : architectures) {
            if (!a.equals(arch)) {
                throw new IOException("it is a single " + config.get("os") + "/" + arch + " image, the inventory's"
                        + " hosts also need linux/" + a);
            }
        }
        return manifest;
    }

    /** The index entry for {@code linux/<arch>} (for arm64 the plain or {@code v8} variant). */
    static Optional<Map<String, Object>> platform(Map<String, Object> index, String arch) {
        for (Object o : list(index.get("manifests"))) {
            Map<String, Object> p = map(map(o).get("platform"));
            Object variant = p.get("variant");
            if ("linux".equals(p.get("os")) && arch.equals(p.get("architecture"))
                    && (variant == null || !arch.equals("arm64") || "v8".equals(variant))) {
                return Optional.of(map(o));
            }
        }
        return Optional.empty();
    }

    private static void writeArchive(Path dir, Fetched image, String reference, String tag, Path out) throws IOException {
        Map<String, Object> desc = image.descriptor();
        desc.put("annotations", Map.of(OciArchive.CONTAINERD_NAME, reference, OciArchive.OCI_REF_NAME, tag));
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", RegistryHttp.OCI_INDEX);
        index.put("manifests", List.of(desc));
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".image-", ".part");
        try {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(o)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                add(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
                add(tar, "index.json", Json.write(index).getBytes(StandardCharsets.UTF_8));
                try (Stream<Path> blobs = Files.list(dir.resolve("blobs/sha256"))) {
                    for (Path b : blobs.sorted().toList()) {
                        TarArchiveEntry e = new TarArchiveEntry("blobs/sha256/" + b.getFileName());
                        e.setSize(Files.size(b));
                        e.setMode(0644);
                        tar.putArchiveEntry(e);
                        Files.copy(b, tar);
                        tar.closeArchiveEntry();
                    }
                }
                tar.finish();
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        e.setMode(0644);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The requests of one pull: one repository on one registry, its bearer token once it has one. */
    private final class Session {
        private final URI base;
        private final String repository;
        /** Bearer tokens by origin (scheme://host:port): each goes only to the host that challenged for it. */
        private final Map<String, String> tokens = new java.util.HashMap<>();
        private Path layout;

        Session(URI base, String repository) {
            this.base = base;
            this.repository = repository;
        }

        Path blobPath(String digest) {
            return layout.resolve("blobs/sha256/" + digest.substring("sha256:".length()));
        }

        /** A manifest by tag or digest (then verified against {@code expected}), stored as a blob. */
        Fetched manifest(String tagOrDigest, String expected) throws IOException, InterruptedException {
            HttpResponse<InputStream> r = get(api("manifests/" + tagOrDigest), ACCEPT);
            byte[] bytes;
            try (InputStream in = r.body()) {
                bytes = in.readNBytes(MAX_MANIFEST + 1);
            }
            if (bytes.length > MAX_MANIFEST) {
                throw new IOException("manifest " + tagOrDigest + " is larger than " + MAX_MANIFEST + " bytes");
            }
            String digest = "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
            if (expected != null && !expected.equals(digest)) {
                throw new IOException("manifest " + r.uri() + " has digest " + digest + ", expected " + expected);
            }
            String header = r.headers().firstValue("Docker-Content-Digest").orElse(null);
            if (expected == null && header != null && header.startsWith("sha256:") && !header.equals(digest)) {
                throw new IOException("manifest " + r.uri() + " has digest " + digest + ", the registry says " + header);
            }
            Map<String, Object> doc = RegistryHttp.json(new String(bytes, StandardCharsets.UTF_8), "manifest " + tagOrDigest);
            String type = doc.get("mediaType") != null ? doc.get("mediaType").toString()
                    : r.headers().firstValue("Content-Type").map(c -> c.split(";")[0].strip()).orElse(RegistryHttp.OCI_MANIFEST);
            if (!ACCEPT.contains(type)) {
                throw new IOException("manifest " + tagOrDigest + " has the unsupported media type " + type);
            }
            Files.write(blobPath(digest), bytes);
            return new Fetched(type, digest, bytes.length, doc);
        }

        /** The config and layers of an image manifest. */
        void blobsOf(Fetched manifest) throws IOException, InterruptedException {
            List<Map<String, Object>> blobs = new ArrayList<>();
            blobs.add(map(manifest.doc.get("config")));
            list(manifest.doc.get("layers")).forEach(l -> blobs.add(map(l)));
            for (Map<String, Object> b : blobs) {
                blob(digest(b), b.get("size") instanceof Number n ? n.longValue() : -1);
            }
        }

        /** Streams a blob into the layout, hashing as it goes; a digest or size mismatch is refused. */
        void blob(String digest, long size) throws IOException, InterruptedException {
            Path target = blobPath(digest);
            if (Files.exists(target)) {
                return;
            }
            HttpResponse<InputStream> r = get(api("blobs/" + digest), "*/*");
            MessageDigest sha = sha256();
            Path part = target.resolveSibling(target.getFileName() + ".part");
            long total = 0;
            try (InputStream in = r.body(); OutputStream o = Files.newOutputStream(part)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    sha.update(buf, 0, n);
                    o.write(buf, 0, n);
                    total += n;
                }
            }
            String actual = "sha256:" + HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(digest) || (size >= 0 && size != total)) {
                Files.deleteIfExists(part);
                throw new IOException("blob " + digest + " from " + stripQuery(r.uri()) + " does not match its digest (got " + actual
                        + ", " + total + " bytes): refused");
            }
            Files.move(part, target);
        }

        private URI api(String path) {
            return base.resolve("/v2/" + repository + "/" + path);
        }

        /**
         * GET with the bearer token of the URL's host (fetched once per host on a 401 challenge), following
         * redirects to https only; a token goes only to the host that challenged for it.
         */
        private HttpResponse<InputStream> get(URI uri, String accept) throws IOException, InterruptedException {
            URI current = uri;
            java.util.Set<String> challenged = new java.util.HashSet<>();
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                HttpRequest.Builder b = HttpRequest.newBuilder(current).timeout(Duration.ofMinutes(10))
                        .header("User-Agent", RegistryHttp.USER_AGENT).header("Accept", accept);
                String token = tokens.get(origin(current));
                if (token != null) {
                    b.header("Authorization", "Bearer " + token);
                }
                HttpResponse<InputStream> r = client.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                int status = r.statusCode();
                if (status == 200) {
                    return r;
                }
                String location = r.headers().firstValue("Location").orElse(null);
                String challenge = r.headers().firstValue("WWW-Authenticate").orElse(null);
                String body = drain(r);
                if (status == 401 && challenged.add(origin(current))) {
                    URI at = current;
                    BearerChallenge c = BearerChallenge.parse(challenge).orElseThrow(() -> new IOException(
                            "HTTP 401 from " + stripQuery(at) + " without a Bearer challenge (anonymous pulls only)"));
                    tokens.put(origin(current), token(c));
                    hop--;
                    continue;
                }
                if (status >= 300 && status < 400 && location != null) {
                    URI next = current.resolve(location);
                    if (!"https".equalsIgnoreCase(next.getScheme())) {
                        throw new IOException("refused redirect from " + stripQuery(current) + " to " + stripQuery(next)
                                + ": only redirects to https are followed");
                    }
                    current = next;
                    continue;
                }
                throw new IOException("HTTP " + status + " from " + stripQuery(r.uri())
                        + (body.isEmpty() ? "" : ": " + body));
            }
            throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + uri);
        }

        private String token(BearerChallenge c) throws IOException, InterruptedException {
            URI uri = c.tokenUri(repository);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !uri.getScheme().equalsIgnoreCase(base.getScheme())) {
                throw new IOException("refused token realm " + c.realm() + ": not https");
            }
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1))
                    .header("User-Agent", RegistryHttp.USER_AGENT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("token service " + c.realm() + " answered HTTP " + r.statusCode()
                        + " for " + repository);
            }
            Map<String, Object> doc;
            try {
                doc = RegistryHttp.json(r.body(), "the token answer");
            } catch (IOException e) {
                // no parser message: it may quote the answer, i.e. the token
                throw new IOException("token service " + c.realm() + " gave an answer that is not a JSON object");
            }
            Object t = doc.get("token") != null ? doc.get("token") : doc.get("access_token");
            if (t == null || t.toString().isBlank()) {
                throw new IOException("token service " + c.realm() + " gave no token for " + repository);
            }
            return t.toString();
        }
    }

    private static String origin(URI u) {
        return u.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + u.getHost().toLowerCase(java.util.Locale.ROOT)
                + ":" + u.getPort();
    }

    /** A URL without its query (redirect targets carry signed, secret-like parameters). */
    private static String stripQuery(URI u) {
        String s = u.toString();
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }

    private static String drain(HttpResponse<InputStream> r) throws IOException {
        try (InputStream in = r.body()) {
            String s = new String(in.readNBytes(300), StandardCharsets.UTF_8).strip();
            return s;
        }
    }
}
