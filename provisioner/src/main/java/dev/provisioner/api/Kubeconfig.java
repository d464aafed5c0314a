package dev.provisioner.api;

import java.time.Instant;

/**
 * A kubeconfig for the controller, with a client certificate issued in memory by the cluster CA.
 *
 * @param text     the kubeconfig itself (it holds the private key: treat it as a secret)
 * @param server   the API server URL it points at
 * @param user     the Kubernetes user name
 * @param notAfter when its client certificate expires
 *
 * @since 0.1
 */
public record Kubeconfig(String text, String server, String user, Instant notAfter) {
    /** Never the text: it holds a private key. */
    @Override
    public String toString() {
        return "Kubeconfig[user=" + user + ", server=" + server + ", notAfter=" + notAfter + "]";
    }
}
