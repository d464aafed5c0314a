package dev.provisioner.artifacts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fetches one URL into a file with {@link HttpClient}, following redirects (never from https to http),
 * hashing the bytes while they stream. A transfer that outlives the total timeout is cut off.
 */
final class Downloader {
    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);

    /** The server answered, but not with the file (404, 403, 5xx, ...). */
    static final class HttpStatusException extends IOException {
        HttpStatusException(String message) {
            super(message);
        }
    }

    /** A redirect from https to http: refused, the file would arrive unprotected. */
    static final class InsecureRedirectException extends IOException {
        InsecureRedirectException(String message) {
            super(message);
        }
    }

    private final DownloadSettings settings;
    private HttpClient client;

    Downloader(DownloadSettings settings) {
        this.settings = settings;
    }

    /**
     * The HTTP client, made at the first download: building one loads the JDK's trust store and TLS context (about
     * 50 ms of a CLI start), which a run that downloads nothing never needs.
     */
    private synchronized HttpClient client() {
        if (client == null) {
            HttpClient.Builder b = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(settings.connectTimeout());
            settings.proxy().ifPresent(p -> b.proxy(new NoProxySelector(p, settings.noProxy())));
            settings.tls().ifPresent(b::sslContext);
            client = b.build();
        }
        return client;
    }

    /**
     * Downloads {@code url} into {@code target} and returns the hex SHA-256 of the bytes received.
     *
     * @throws HttpStatusException for an answer other than 200
     * @throws IOException         when the server cannot be reached or the transfer breaks
     */
    String fetch(URI url, Path target) throws IOException, InterruptedException {
        try (InputStream body = open(url)) {
            CompletableFuture.delayedExecutor(settings.totalTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> closeQuietly(body));
            try {
                return HashingCopy.copy(body, target, settings.maxBytes());
            } catch (IOException e) {
                throw new IOException("transfer of " + url + " failed or exceeded " + settings.totalTimeout()
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Downloads a small text file (a checksum file) of at most {@code maxBytes}.
     *
     * @throws HttpStatusException for an answer other than 200
     * @throws IOException         when the server cannot be reached, the transfer breaks or the file is too big
     */
    String fetchText(URI url, int maxBytes) throws IOException, InterruptedException {
        try (InputStream body = open(url)) {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException(url + " is larger than " + maxBytes + " bytes; not a checksum file");
            }
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The body of a 200 answer; the caller closes it. */
    private InputStream open(URI url) throws IOException, InterruptedException {
        resolvable(url);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.responseTimeout())
                .header("User-Agent", "provisioner").GET().build();
        LOG.info("downloading {}", url);
        HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = response.body();
        try {
            refuseDowngrade(url, response);
            if (response.statusCode() != 200) {
                throw new HttpStatusException("HTTP " + response.statusCode() + " from " + response.uri());
            }
            return body;
        } catch (IOException e) {
            body.close();
            throw e;
        }
    }

    /**
     * A host reached directly (no proxy for it) must have an address: asked of the resolver before the HTTP client
     * exists, a name that does not resolve (an air-gapped controller, a typo in a mirror) fails in a millisecond
     * instead of after building the client. That client's selector thread waits in the kernel until the JVM
     * exits, and the JVM waits up to 300 ms at exit for a thread in native code: every CLI run on a machine
     * without DNS paid that once. Through a proxy the proxy resolves the name, so nothing is asked here.
     */
    void resolvable(URI url) throws UnknownHostException {
        String host = url.getHost();
        boolean direct = settings.proxy().map(p -> new NoProxySelector(p, settings.noProxy()).bypass(host)).orElse(true);
        if (direct && host != null) {
            InetAddress.getByName(host);
        }
    }

    /** Whether the HTTP client was built (tests: a host that does not resolve never builds it). */
    synchronized boolean clientBuilt() {
        return client != null;
    }

    /** The JDK does not follow https to http; say so instead of reporting a bare 3xx. */
    private static void refuseDowngrade(URI url, HttpResponse<?> response) throws InsecureRedirectException {
        int status = response.statusCode();
        if (status / 100 == 3 && "https".equals(response.uri().getScheme())) {
            String location = response.headers().firstValue("Location").orElse("");
            if (location.regionMatches(true, 0, "http:", 0, 5)) {
                throw new InsecureRedirectException("refused: " + url + " redirects from https to http (" + location
                        + ")");
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // already closed or broken: the reader reports it
        }
    }
}
