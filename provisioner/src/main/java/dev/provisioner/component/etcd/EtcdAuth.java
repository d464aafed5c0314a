package dev.provisioner.component.etcd;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.EtcdIdentities;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may do what in etcd: etcd auth on, each client identified by its certificate's CN (etcd with
 * {@code --client-cert-auth} takes the CN as the user name; the users have no password). Pure.
 *
 * <ul>
 *   <li>{@code root} (role root): provisioner's own operations. Its certificate is on the etcd members
 *       only (0600 root) and in the state directory.</li>
 *   <li>{@code kube-apiserver-etcd-client} (role {@value #APISERVER_ROLE}): read and write under
 *       {@value #APISERVER_PREFIX} (the apiserver's default {@code --etcd-prefix}), the single key
 *       {@value #COMPACT_KEY}, which the apiserver's compactor keeps outside its prefix, and read on the
 *       (empty) key {@value #HEALTH_KEY}, which health checks of some versions read.</li>
 *   <li>{@code flannel} (role {@value #FLANNEL_ROLE}): read and write under {@code <etcdPrefix>/} only
 *       (its {@code config} and its {@code subnets/} leases).</li>
 *   <li>{@code kube-etcd-healthcheck-client} (role {@value #HEALTHCHECK_ROLE}): read under
 *       {@code <etcdPrefix>/}, for {@code check}'s lease probe; {@code endpoint health} needs no permission.</li>
 * </ul>
 *
 * Every other certificate of the etcd CA (a member's server or peer certificate used as a client, say)
 * names a user that does not exist and is refused.
 */
public final class EtcdAuth {
    /** What the first member last set up and proved (see {@code EtcdAuthStep}); a restore removes it. */
    public static final String RECORD = "/var/lib/provisioner/etcd/auth";
    public static final String APISERVER_PREFIX = "/registry/";
    public static final String COMPACT_KEY = "compact_rev_key";
    /** Read by health checks of some apiserver versions outside the prefix; it holds no data. */
    public static final String HEALTH_KEY = "health";
    static final String APISERVER_ROLE = "kube-apiserver";
    static final String FLANNEL_ROLE = "flannel";
    static final String HEALTHCHECK_ROLE = "etcd-healthcheck";

    /** One permission of a role: {@code read}, {@code write} or {@code readwrite} on a key or a key prefix. */
    public record Grant(String role, String permission, String key, boolean prefix) {
        /** The line in {@link EtcdAuth#spec}: {@code grant ROLE PERMISSION KEY prefix|key}. */
        public String line() {
            return "grant " + role + " " + permission + " " + key + " " + (prefix ? "prefix" : "key");
        }
    }

    /** A user (a certificate CN) and its one role. */
    public record User(String name, String role) {
        public String line() {
            return "user " + name + " " + role;
        }
    }

    private EtcdAuth() {
    }

    /** flannel's key prefix with a trailing slash, so {@code /coreos.com/network} does not also open {@code /coreos.com/network2}. */
    public static String flannelPrefix(Inventory inventory) {
        String p = inventory.cluster().network().etcdPrefix();
        return p.endsWith("/") ? p : p + "/";
    }

    public static List<Grant> grants(Inventory inventory) {
        String flannel = flannelPrefix(inventory);
        return List.of(new Grant(APISERVER_ROLE, "readwrite", APISERVER_PREFIX, true),
                new Grant(APISERVER_ROLE, "readwrite", COMPACT_KEY, false),
                new Grant(APISERVER_ROLE, "read", HEALTH_KEY, false),
                new Grant(FLANNEL_ROLE, "readwrite", flannel, true),
                new Grant(HEALTHCHECK_ROLE, "read", flannel, true));
    }

    public static List<User> users() {
        return List.of(new User(EtcdIdentities.ROOT, "root"), new User(EtcdIdentities.APISERVER, APISERVER_ROLE),
                new User(EtcdIdentities.FLANNEL, FLANNEL_ROLE), new User(EtcdIdentities.HEALTHCHECK, HEALTHCHECK_ROLE));
    }

    /** The roles provisioner manages (root is built in). */
    static List<String> roles() {
        return List.of(APISERVER_ROLE, FLANNEL_ROLE, HEALTHCHECK_ROLE);
    }

    /** Every grant and user, one per line, then {@code auth enabled}: what the record on the first member holds. */
    public static String spec(Inventory inventory) {
        List<String> lines = new ArrayList<>();
        grants(inventory).forEach(g -> lines.add(g.line()));
        users().forEach(u -> lines.add(u.line()));
        lines.add("auth enabled");
        return String.join("\n", lines) + "\n";
    }
}
