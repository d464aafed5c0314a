package dev.provisioner.component.etcd;

import dev.provisioner.pki.HostPaths;
import dev.provisioner.transport.Command;

/**
 * etcdctl command lines over TLS (etcd requires client certificates), by default as etcd's {@code root}
 * user (the {@code root-client} certificate on every member, CN {@code root}): with etcd auth enabled
 * ({@link EtcdAuth}) membership changes, snapshots and role changes need it. The v3 API is selected
 * explicitly: etcdctl 3.3 and older default to v2.
 *
 * @param binary    the etcdctl program on the host
 * @param endpoints comma-separated client URLs
 * @param cert      the client certificate (its CN is the etcd user)
 * @param key       its private key
 */
public record Etcdctl(String binary, String endpoints, String cert, String key) {

    /** As etcd's {@code root} user. */
    public Etcdctl(String binary, String endpoints) {
        this(binary, endpoints, HostPaths.ETCD_ROOT_CLIENT_CERT, HostPaths.ETCD_ROOT_CLIENT_KEY);
    }

    /** The same endpoints as another etcd user (another client certificate of the etcd CA). */
    public Etcdctl as(String otherCert, String otherKey) {
        return new Etcdctl(binary, endpoints, otherCert, otherKey);
    }

    /** The command prefix; append the quoted subcommand and its arguments. */
    public String prefix() {
        return "ETCDCTL_API=3 " + Command.quote(binary)
                + " --endpoints=" + Command.quote(endpoints) + tls(cert, key)
                + " --dial-timeout=5s --command-timeout=10s";
    }

    /**
     * A shell function {@code name ENDPOINTS ARGS...} running etcdctl as {@code root} against the endpoints
     * of its first argument, with the same TLS settings (for scripts that pick their endpoints at run time).
     */
    public static String shellFunction(String name, String binary, String dialTimeout) {
        return name + "() { _ep=$1; shift; ETCDCTL_API=3 " + Command.quote(binary) + " --endpoints=\"$_ep\""
                + tls(HostPaths.ETCD_ROOT_CLIENT_CERT, HostPaths.ETCD_ROOT_CLIENT_KEY)
                + " --dial-timeout=" + dialTimeout + " --command-timeout=30s \"$@\"; }\n";
    }

    private static String tls(String cert, String key) {
        return " --cacert=" + Command.quote(HostPaths.ETCD_MEMBER_CA_CERT)
                + " --cert=" + Command.quote(cert)
                + " --key=" + Command.quote(key);
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
