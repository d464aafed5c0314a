package dev.provisioner.cis;

import java.util.Arrays;

/** Which files a file check looks at; resolved per host by {@link FileTargets}. */
enum FileTarget {
    /** The component's unit, its drop-ins and its EnvironmentFiles (the "pod specification"). */
    UNIT("unit"),
    /** The component's kubeconfig ({@code --kubeconfig}, else its config file, else the layout). */
    KUBECONFIG("kubeconfig"),
    /** The kubelet's KubeletConfiguration ({@code --config}, else the layout). */
    CONFIG("config"),
    /** The kubelet's client CA ({@code --client-ca-file}, else its config, else the layout). */
    CLIENT_CA("client-ca"),
    /** etcd's data directory ({@code --data-dir}, else {@code ETCD_DATA_DIR}, else the layout). */
    DATA_DIR("data-dir"),
    /** Files in the CNI configuration directory. */
    CNI("cni"),
    /** The PKI directory and everything below it. */
    PKI("pki"),
    /** {@code *.crt} below the PKI directory. */
    PKI_CERTS("pki-certs"),
    /** {@code *.key} below the PKI directory. */
    PKI_KEYS("pki-keys"),
    /** The administrative kubeconfigs. */
    ADMIN_KUBECONFIG("admin-kubeconfig");

    private final String key;

    FileTarget(String key) {
        this.key = key;
    }

    static FileTarget of(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown file target: " + key));
    }
}
