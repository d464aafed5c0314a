package dev.provisioner.pki;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A client certificate for a person or a tool that talks to the API server, e.g. the controller's
 * admin kubeconfig: the user is the certificate's CN, the groups its O entries (RBAC reads both).
 * Short-lived by design: a kubeconfig handed out cannot be revoked (Kubernetes has no CRL), so it
 * must expire soon.
 *
 * @param user   the Kubernetes user name
 * @param groups the Kubernetes groups
 * @param ttl    how long the certificate is valid (at most {@link #MAX_TTL}; never beyond the CA)
 */
public record ClientCertificateRequest(String user, List<String> groups, Duration ttl) {
    /** The default admin identity: bound to cluster-admin by the add-ons' ClusterRoleBinding. */
    public static final String ADMIN_USER = "kubernetes-admin";
    /** The group of {@link #ADMIN_USER}, as kubeadm 1.29+ ({@code system:masters} is kept for break-glass). */
    public static final String ADMIN_GROUP = CertCatalog.CLUSTER_ADMINS;
    /** The default validity of a kubeconfig for the controller. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    /** The longest validity asked for (a year, the leaf certificates' own). */
    public static final Duration MAX_TTL = PkiOptions.DEFAULT_LEAF_VALIDITY;

    public ClientCertificateRequest {
        Objects.requireNonNull(user, "user");
        groups = groups == null ? List.of() : List.copyOf(groups);
        ttl = ttl == null ? DEFAULT_TTL : ttl;
        requireName("user", user);
        for (String g : groups) {
            requireName("group", g);
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("the validity must be between 1 second and " + MAX_TTL.toDays()
                    + " days, not " + ttl);
        }
    }

    /** The default admin: {@value #ADMIN_USER} in the cluster-admins group, valid for {@code ttl}. */
    public static ClientCertificateRequest admin(Duration ttl) {
        return new ClientCertificateRequest(ADMIN_USER, List.of(ADMIN_GROUP), ttl);
    }

    private static void requireName(String what, String value) {
        if (value.isEmpty() || value.length() > 253 || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e || c == ',' || c == '/'
                || c == '+' || c == '"' || c == '\\' || c == '<' || c == '>' || c == ';' || c == '=')) {
            throw new IllegalArgumentException("the " + what + " '" + value + "' must be 1-253 printable ASCII characters "
                    + "without spaces or any of , / + \" \\ < > ; =");
        }
    }
}
