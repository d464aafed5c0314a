package dev.provisioner.api;

import dev.provisioner.pki.ClientCertificateRequest;

import java.time.Duration;
import java.util.List;

/**
 * Who a controller kubeconfig is for ({@link Provisioner#kubeconfig}): the user becomes the client
 * certificate's CN, the groups its O entries. Validated when the certificate is issued: names are
 * refused when RBAC could not read them, and {@code ttl} must be between 1 second and 365 days.
 *
 * @param user   the Kubernetes user name
 * @param groups the Kubernetes groups
 * @param ttl    how long the certificate is valid; a kubeconfig cannot be revoked, so keep it short
 *
 * @since 0.1
 */
public record KubeconfigRequest(String user, List<String> groups, Duration ttl) {
    /** The default admin user, bound to cluster-admin through {@link #ADMIN_GROUP} by the add-ons. */
    public static final String ADMIN_USER = "kubernetes-admin";
    /** The default admin's group (as kubeadm 1.29+). */
    public static final String ADMIN_GROUP = "kubeadm:cluster-admins";

    /** @throws IllegalArgumentException for a name RBAC could not read or a validity outside 1 s - 365 days */
    public KubeconfigRequest {
        groups = groups == null ? List.of() : List.copyOf(groups);
        new ClientCertificateRequest(user, groups, ttl); // the PKI's own rules, checked here so a bad request fails at once
    }

    /** The default admin identity, valid for {@code ttl}. */
    public static KubeconfigRequest admin(Duration ttl) {
        return new KubeconfigRequest(ADMIN_USER, List.of(ADMIN_GROUP), ttl);
    }
}
