package dev.provisioner.images;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the pusher and the puller share about the OCI distribution API: the HTTP client (TLS trust, timeouts, no
 * automatic redirects), media types, JSON documents (read with SnakeYAML, JSON being YAML), digests and status
 * checks whose messages name the URL and the registry's answer (never a credential: headers are not echoed).
 */
final class RegistryHttp {
    static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String USER_AGENT = "provisioner";

    private RegistryHttp() {
    }

    /** A client trusting {@code tls} (else the JDK's CAs) that never follows redirects by itself. */
    static HttpClient client(Optional<SSLContext> tls) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER);
        tls.ifPresent(b::sslContext);
        return b.build();
    }

    static boolean isIndex(String mediaType) {
        return OCI_INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType);
    }

    static void expect(HttpResponse<String> r, int status, String what) throws IOException {
        if (r.statusCode() != status) {
            String body = r.body() == null ? "" : r.body().strip();
            throw new IOException("registry refused " + what + ": HTTP " + r.statusCode() + " from " + r.uri()
                    + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(300, body.length()))));
        }
    }

    static String digest(Map<String, Object> desc) throws IOException {
        String d = String.valueOf(desc.get("digest"));
        if (!DIGEST.matcher(d).matches()) {
            throw new IOException("unsupported or malformed digest: " + d);
        }
        return d;
    }

    static Map<String, Object> json(Path file) throws IOException {
        return json(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text, String what) throws IOException {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new IOException(what + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map)) {
            throw new IOException(what + " is not a JSON object");
        }
        return (Map<String, Object>) doc;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : new HashMap<>();
    }

    static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path x : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
