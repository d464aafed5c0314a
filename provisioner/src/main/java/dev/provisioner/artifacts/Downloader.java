package dev.provisioner.artifacts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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

    private final DownloadSettings settings;
    private final HttpClient client;

    Downloader(DownloadSettings settings) {
        this.settings = settings;
        HttpClient.Builder b = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(settings.connectTimeout());
        settings.proxy().ifPresent(p -> b.proxy(new NoProxySelector(p, settings.noProxy())));
        this.client = b.build();
    }

    /**
     * Downloads {@code url} into {@code target} and returns the hex SHA-256 of the bytes received.
     *
     * @throws HttpStatusException for an answer other than 200
     * @throws IOException         when the server cannot be reached or the transfer breaks
     */
    String fetch(URI url, Path target) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.responseTimeout())
                .header("User-Agent", "provisioner").GET().build();
        LOG.info("downloading {}", url);
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new HttpStatusException("HTTP " + response.statusCode() + " from " + response.uri());
            }
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

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // already closed or broken: the reader reports it
        }
    }
}
