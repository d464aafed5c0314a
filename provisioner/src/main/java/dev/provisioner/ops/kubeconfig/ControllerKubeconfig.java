package dev.provisioner.ops.kubeconfig;

import dev.provisioner.inventory.HostPorts;
import dev.provisioner.component.kube.Kubeconfig;
import dev.provisioner.component.kube.KubePaths;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.ClientCertificate;
import dev.provisioner.pki.ClientCertificateRequest;
import dev.provisioner.pki.ClusterPki;
import dev.provisioner.template.TemplateRenderer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a kubeconfig for the controller: the cluster CA, a client certificate for the requested user and
 * groups (issued in memory, never stored), and the API server URL the controller reaches. The server is
 * {@code --server} when given, else the first master's SSH address (the one the controller can reach;
 * it is among the apiserver certificate's SANs) on the secure port.
 */
public final class ControllerKubeconfig {
    private final ClusterPki pki;
    private final TemplateRenderer templates;

    public ControllerKubeconfig(ClusterPki pki, TemplateRenderer templates) {
        this.pki = Objects.requireNonNull(pki, "pki");
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /** A kubeconfig in memory: its text (with the private key), the server it names, its expiry. */
    public record Rendered(String text, String server, String user, Instant notAfter) {
        @Override
        public String toString() {
            return "kubeconfig for " + user + " at " + server + ", valid until " + notAfter; // never the key
        }
    }

    /** Issues the certificate and renders the kubeconfig, e.g. for standard output. */
    public Rendered render(Inventory inventory, Path stateDirectory, ClientCertificateRequest request, Optional<String> server) {
        ClientCertificate cert = pki.issueClient(stateDirectory, request);
        String url = server.orElseGet(() -> defaultServer(inventory));
        String text = Kubeconfig.text(templates, inventory.cluster().name(), url, request.user(), cert.credential(), cert.caPem());
        return new Rendered(text, url, request.user(), cert.notAfter());
    }

    /** Issues the certificate and writes the kubeconfig to {@code file}, 0600 from creation. */
    public Rendered write(Inventory inventory, Path stateDirectory, ClientCertificateRequest request, Optional<String> server,
                          Path file) {
        Rendered r = render(inventory, stateDirectory, request, server);
        ClientCertificate.writePrivate(file, r.text().getBytes(StandardCharsets.UTF_8));
        return r;
    }

    /** {@code https://<first master's address>:6443}, IPv6 literals in brackets. */
    public static String defaultServer(Inventory inventory) {
        Host master = inventory.view().firstMaster();
        String address = master.address();
        return "https://" + HostPorts.of(address, KubePaths.SECURE_PORT);
    }
}
