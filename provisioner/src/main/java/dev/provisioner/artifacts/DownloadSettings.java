package dev.provisioner.artifacts;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the controller downloads release files.
 *
 * @param enabled         false for air-gapped runs: pinned files not in the cache or the artifacts
 *                        directory are reported missing instead of fetched
 * @param connectTimeout  TCP/TLS connect timeout
 * @param responseTimeout time allowed until the response headers arrive
 * @param totalTimeout    time allowed for the whole transfer of one file
 * @param proxy           HTTP proxy ({@code http://host:port}) for downloads, e.g. the inventory's https proxy
 * @param noProxy         hosts reached directly: exact names, {@code .suffix} domains, {@code *} for all
 * @param maxBytes        refuse a file larger than this
 * @param tls             the TLS context to trust servers with, when not the JDK's default trust store (a site
 *                        CA of a TLS-inspecting proxy or a mirror, a test CA)
 */
public record DownloadSettings(boolean enabled, Duration connectTimeout, Duration responseTimeout,
                               Duration totalTimeout, Optional<URI> proxy, List<String> noProxy, long maxBytes,
                               Optional<SSLContext> tls) {
    public DownloadSettings {
        tls = tls == null ? Optional.empty() : tls;
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        proxy = proxy == null ? Optional.empty() : proxy;
        noProxy = noProxy == null ? List.of() : List.copyOf(noProxy);
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
    }

    /** Downloads on, 15 s to connect, 60 s to the first byte, 30 min per file, 2 GiB at most, no proxy. */
    public static DownloadSettings defaults() {
        return new DownloadSettings(true, Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofMinutes(30),
                Optional.empty(), List.of(), 2L << 30, Optional.empty());
    }

    /** The defaults with downloads off. */
    public static DownloadSettings offline() {
        return defaults().withEnabled(false);
    }

    /** A copy with downloads switched on or off. */
    public DownloadSettings withEnabled(boolean on) {
        return new DownloadSettings(on, connectTimeout, responseTimeout, totalTimeout, proxy, noProxy, maxBytes, tls);
    }

    /** A copy that sends requests through {@code proxyUrl}, except to the {@code noProxy} hosts. */
    public DownloadSettings withProxy(URI proxyUrl, List<String> direct) {
        return new DownloadSettings(enabled, connectTimeout, responseTimeout, totalTimeout, Optional.of(proxyUrl),
                direct, maxBytes, tls);
    }

    /** A copy that trusts the servers {@code context} trusts instead of the JDK's default trust store. */
    public DownloadSettings withTls(SSLContext context) {
        return new DownloadSettings(enabled, connectTimeout, responseTimeout, totalTimeout, proxy, noProxy, maxBytes,
                Optional.of(context));
    }
}
