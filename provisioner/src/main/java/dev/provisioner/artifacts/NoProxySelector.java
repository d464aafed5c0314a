package dev.provisioner.artifacts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Sends requests through one HTTP proxy except to NO_PROXY hosts (exact, {@code .domain} suffix, {@code *}). */
final class NoProxySelector extends ProxySelector {
    private final Proxy proxy;
    private final List<String> direct;

    NoProxySelector(URI proxyUrl, List<String> direct) {
        if (proxyUrl.getHost() == null) {
            throw new ArtifactException("proxy URL has no host: " + proxyUrl);
        }
        int port = proxyUrl.getPort() > 0 ? proxyUrl.getPort() : 80;
        this.proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxyUrl.getHost(), port));
        this.direct = direct.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public List<Proxy> select(URI uri) {
        return bypass(uri.getHost()) ? List.of(Proxy.NO_PROXY) : List.of(proxy);
    }

    boolean bypass(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        for (String d : direct) {
            String suffix = d.startsWith(".") ? d : "." + d;
            if (d.equals("*") || h.equals(d) || h.equals(suffix.substring(1)) || h.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // nothing to fail over to: the download reports the error
    }
}
