package dev.provisioner.component.etcd;

import dev.provisioner.pki.HostPaths;
import dev.provisioner.transport.Command;

/**
 * etcdctl command lines over TLS with the {@code healthcheck-client} certificate every member holds
 * (etcd requires client certificates). The v3 API is selected explicitly: etcdctl 3.3 and older
 * default to v2.
 *
 * @param binary    the etcdctl program on the host
 * @param endpoints comma-separated client URLs
 */
public record Etcdctl(String binary, String endpoints) {

    /** The command prefix; append the quoted subcommand and its arguments. */
    public String prefix() {
        return "ETCDCTL_API=3 " + Command.quote(binary)
                + " --endpoints=" + Command.quote(endpoints) + tls()
                + " --dial-timeout=5s --command-timeout=10s";
    }

    /**
     * A shell function {@code name ENDPOINTS ARGS...} running etcdctl against the endpoints of its first
     * argument, with the same TLS settings (for scripts that pick their endpoints at run time).
     */
    public static String shellFunction(String name, String binary, String dialTimeout) {
        return name + "() { _ep=$1; shift; ETCDCTL_API=3 " + Command.quote(binary) + " --endpoints=\"$_ep\"" + tls()
                + " --dial-timeout=" + dialTimeout + " --command-timeout=30s \"$@\"; }\n";
    }

    private static String tls() {
        return " --cacert=" + Command.quote(HostPaths.ETCD_MEMBER_CA_CERT)
                + " --cert=" + Command.quote(HostPaths.ETCD_HEALTHCHECK_CLIENT_CERT)
                + " --key=" + Command.quote(HostPaths.ETCD_HEALTHCHECK_CLIENT_KEY);
    }

    /** {@code endpoint health}: exits 0 only when every endpoint committed a proposal. */
    public String endpointHealth() {
        return prefix() + " endpoint health";
    }

    /** The value stored at {@code key} (empty output when absent). */
    public String get(String key) {
        return prefix() + " get --print-value-only " + Command.quote(key);
    }
}
