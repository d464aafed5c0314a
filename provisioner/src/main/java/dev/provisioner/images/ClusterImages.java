package dev.provisioner.images;

import dev.provisioner.inventory.HostPorts;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.RegistrySettings;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The cluster's images into the inventory's private registry: every OCI archive of an images directory (a bundle's
 * or an artifacts directory's {@code images/}) pushed with {@link RegistryPusher}, over HTTPS trusting the cluster CA
 * when the registry serves TLS, with the inventory's registry credentials when it has them. The entry point for
 * apply to call once the registry runs.
 */
public final class ClusterImages {
    /** The pod sandbox image containerd pins ({@code RuntimeOptions.SANDBOX_IMAGE}). */
    public static final String PAUSE = "registry.k8s.io/pause:3.10.1";
    /** The CoreDNS image of the add-on manifest ({@code AddonFiles.COREDNS_IMAGE}). */
    public static final String COREDNS = "registry.k8s.io/coredns/coredns:v1.12.1";
    /** The smoke test's app image, which {@code check} runs from the private registry ({@code <registry>/nginx:1.27}). */
    public static final String SMOKE_APP = "docker.io/library/nginx:1.27";
    /** Every image the cluster itself needs, as their upstream references. */
    public static final List<String> REQUIRED = List.of(PAUSE, COREDNS, SMOKE_APP);

    private ClusterImages() {
    }

    /**
     * @param caCertificate the cluster CA's PEM certificate on the controller (for a TLS registry)
     * @param imagesDir     folder of OCI archives ({@code *.tar})
     * @param pushPort      the registry's push endpoint (the pull endpoint is read-only)
     * @param credentials   the push endpoint's credentials
     * @return the pushed references; empty when the inventory has no registry or the folder no archives
     * @throws IOException naming the archive, the registry URL and its answer when a push fails
     */
    public static List<String> push(Inventory inv, Optional<Path> caCertificate, Path imagesDir, int pushPort,
                                    Optional<RegistryPusher.Credentials> credentials) throws IOException, InterruptedException {
        Optional<String> endpoint = inv.view().registryHost().map(h -> HostPorts.of(h.internalAddress(), pushPort));
        if (endpoint.isEmpty() || !Files.isDirectory(imagesDir)) {
            return List.of();
        }
        RegistrySettings r = inv.cluster().registry();
        Optional<SSLContext> tls = r.tls() && caCertificate.isPresent() ? Optional.of(trusting(caCertificate.get())) : Optional.empty();
        RegistryPusher pusher = new RegistryPusher(URI.create((r.tls() ? "https://" : "http://") + endpoint.get()), tls,
                credentials);
        List<String> pushed = new ArrayList<>();
        try (Stream<Path> files = Files.list(imagesDir)) {
            for (Path archive : files.filter(p -> p.toString().endsWith(".tar")).sorted().toList()) {
                pushed.addAll(pusher.push(OciArchive.read(archive)));
            }
        }
        return pushed;
    }

    /** A TLS context that trusts exactly the PEM certificate {@code ca}. */
    static SSLContext trusting(Path ca) throws IOException {
        try (InputStream in = Files.newInputStream(ca)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setCertificateEntry("cluster-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use " + ca + " as the registry's CA: " + e.getMessage(), e);
        }
    }
}
