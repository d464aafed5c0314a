package dev.provisioner.inventory;

import java.util.List;
import java.util.Optional;

/**
 * Cluster-wide security settings: the API endpoint, whether masters take workloads, the encryption keys
 * and the accepted CIS exceptions.
 *
 * @param apiEndpoint        {@code cluster.apiEndpoint}: a load balancer the user made; empty means the
 *                           first master with one master, a node-local proxy with several
 * @param mastersSchedulable {@code cluster.masters.schedulable} (default false: masters carry the
 *                           {@code node-role.kubernetes.io/control-plane:NoSchedule} taint)
 * @param encryptionKeys     {@code cluster.encryption.keys}, the first encrypts, all decrypt; empty means the default
 * @param cisExceptions      {@code cluster.cis.exceptions}
 */
public record SecuritySettings(Optional<ApiEndpoint> apiEndpoint, boolean mastersSchedulable,
                               List<EncryptionKeyRef> encryptionKeys, List<CisException> cisExceptions) {
    public static final SecuritySettings DEFAULTS = new SecuritySettings(Optional.empty(), false, List.of(), List.of());

    public SecuritySettings {
        apiEndpoint = apiEndpoint == null ? Optional.empty() : apiEndpoint;
        encryptionKeys = encryptionKeys == null ? List.of() : List.copyOf(encryptionKeys);
        cisExceptions = cisExceptions == null ? List.of() : List.copyOf(cisExceptions);
    }

    /** Whether {@code cluster.encryption.keys} was given (else the default list applies). */
    public boolean explicitKeys() {
        return !encryptionKeys.isEmpty();
    }

    /** The accepted exception for check {@code id}, if any. */
    public Optional<CisException> cisException(String id) {
        return cisExceptions.stream().filter(e -> e.check().equals(id)).findFirst();
    }
}
