package dev.provisioner.facts;

import java.util.Optional;

/**
 * Which resolv.conf lists a host's real upstream name servers. Where systemd-resolved runs (Ubuntu
 * by default, Debian with the {@code systemd-resolved} package, Fedora), /etc/resolv.conf points at
 * its stub 127.0.0.53, which inside a pod is the pod itself: CoreDNS forwarding there loops. The
 * kubelet must then hand pods {@value #RESOLVED_UPSTREAM}, the file systemd-resolved writes with the
 * upstream servers (what kubeadm does too).
 */
public final class HostResolver {
    public static final String UNIT = "systemd-resolved.service";
    public static final String RESOLVED_UPSTREAM = "/run/systemd/resolve/resolv.conf";
    public static final String DEFAULT = "/etc/resolv.conf";
    /** What {@link #resolvConf} needs to know. */
    public static final FactsQuery QUERY = FactsQuery.units(UNIT);

    private HostResolver() {
    }

    /** The resolv.conf for the kubelet's {@code resolvConf}; {@value #DEFAULT} when facts are absent (render). */
    public static String resolvConf(Optional<HostFacts> facts) {
        return facts.map(f -> f.unit(UNIT).isActive()).orElse(false) ? RESOLVED_UPSTREAM : DEFAULT;
    }
}
