package dev.provisioner.inventory;

import java.util.List;
import java.util.Optional;

/**
 * HTTP proxy for downloads and for containerd's image pulls.
 *
 * @param http         HTTP_PROXY URL
 * @param https        HTTPS_PROXY URL
 * @param extraNoProxy entries written by the user under {@code noProxy}
 * @param noProxy      the NO_PROXY list actually used: localhost, 127.0.0.1, every host's name, address and
 *                     internal address, the service and pod CIDRs, {@code .svc} and {@code .<clusterDomain>},
 *                     then {@code extraNoProxy}; without duplicates
 */
public record ProxySettings(Optional<String> http, Optional<String> https, List<String> extraNoProxy,
                            List<String> noProxy) {
    public ProxySettings {
        http = http == null ? Optional.empty() : http;
        https = https == null ? Optional.empty() : https;
        extraNoProxy = List.copyOf(extraNoProxy);
        noProxy = List.copyOf(noProxy);
    }

    /** {@link #noProxy()} joined with commas, as NO_PROXY expects. */
    public String noProxyValue() {
        return String.join(",", noProxy);
    }
}
