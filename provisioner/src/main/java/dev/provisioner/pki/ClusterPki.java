package dev.provisioner.pki;

import dev.provisioner.inventory.Inventory;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The cluster's PKI, kept in a local state directory and never regenerated behind the operator's back.
 *
 * <p>{@link #ensure} makes the three CAs (cluster {@code kubernetes-ca}, {@code etcd-ca},
 * {@code front-proxy-ca}), the service-account key pair and every certificate the inventory needs
 * (K8S-REFERENCE §3) under {@code <state>/pki}: folders 0700, keys 0600, certificates 0644, each file
 * written atomically. On later runs it reuses what still fits byte for byte, reissues from the same CA
 * a leaf whose names no longer match the inventory (a master added) or that expires within
 * {@link PkiOptions#renewBefore()}, and refuses ambiguous states: a missing or expired CA while its
 * leaves exist, a key that does not match its certificate.
 *
 * <pre>{@code
 * ClusterPki pki = ClusterPki.standard();
 * PkiBundle bundle = pki.ensure(inventory, Path.of(".provisioner/blog-2018"));
 * bundle.changes().forEach(c -> System.out.println(c.format()));   // "apiserver: reissued (SANs changed: +IP:10.4.4.9)"
 * List<HostFile> files = bundle.filesFor("master");                // /etc/kubernetes/pki/..., /etc/etcd/pki/...
 * pki.status(Path.of(".provisioner/blog-2018")).forEach(s -> System.out.println(s.name() + " " + s.status()));
 * }</pre>
 *
 * Instances are immutable and thread-safe; runs on one state directory are serialised by a file lock.
 */
public final class ClusterPki {
    private final PkiOptions options;
    private final SecureRandom random;

    private ClusterPki(PkiOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.random = new SecureRandom();
    }

    /** {@link PkiOptions#defaults()}: ECDSA P-256, 10-year CAs, 1-year leaves, renewal 30 days ahead. */
    public static ClusterPki standard() {
        return new ClusterPki(PkiOptions.defaults());
    }

    /** A PKI with explicit options (validity, key type, clock). */
    public static ClusterPki with(PkiOptions options) {
        return new ClusterPki(options);
    }

    /** The options this PKI issues and judges with. */
    public PkiOptions options() {
        return options;
    }

    /** {@code <stateDirectory>/pki}, where the certificates and keys are kept. */
    public static Path pkiDirectory(Path stateDirectory) {
        return PkiStore.of(stateDirectory).directory();
    }

    /**
     * Creates, reuses or reissues every CA, key and certificate {@code inventory} needs and returns what
     * each host must receive. Contacts no host.
     *
     * @throws PkiException when the stored state is ambiguous (see the class comment) or cannot be written
     */
    public PkiBundle ensure(Inventory inventory, Path stateDirectory) {
        PkiStore store = PkiStore.of(stateDirectory);
        AtomicFiles.directory(stateDirectory);
        try (StoreLock ignored = store.lock()) {
            List<CertSpec> leaves = CertCatalog.leaves(inventory);
            Reconciler reconciler = new Reconciler(store, options, random);
            Map<String, KeyCert> issued = new LinkedHashMap<>();
            for (CaSpec ca : CertCatalog.authorities()) {
                issued.put(ca.name(), reconciler.authority(ca, namesIssuedBy(ca, leaves)));
            }
            ServiceAccountKeys sa = reconciler.serviceAccount();
            for (CertSpec leaf : leaves) {
                issued.put(leaf.name(), reconciler.leaf(leaf, issued.get(leaf.issuer().name())));
            }
            Map<String, Credential> credentials = new LinkedHashMap<>();
            issued.forEach((name, kc) -> credentials.put(name, kc.credential()));
            return new PkiBundle(store.directory(), HostLayout.files(inventory, issued, sa), credentials, reconciler.changes());
        }
    }

    /**
     * Expiry of every certificate in {@code <stateDirectory>/pki} (CAs, cluster certificates, application
     * certificates), sorted by name; empty when there is none.
     *
     * @throws PkiException when a certificate file cannot be parsed
     */
    public List<CertificateStatus> status(Path stateDirectory) {
        PkiStore store = PkiStore.of(stateDirectory);
        Instant now = options.clock().instant();
        List<CertificateStatus> out = new ArrayList<>();
        for (String name : store.certificateNames()) {
            Path file = store.cert(name);
            X509Certificate cert = Pem.readCertificate(store.read(file).orElseThrow(), file.toString());
            out.add(ExpiryCheck.of(name, cert, now, options.renewBefore()));
        }
        return out;
    }

    /**
     * Issues (or reuses, or reissues when the names changed) a serving certificate for an application,
     * signed by the cluster CA, creating the CA if this is the first use of the state directory.
     * Without {@code outDirectory} the files go to {@code <state>/pki/apps/<name>.{crt,key}} (and
     * {@link #status} covers them); with it, to {@code <outDirectory>/<name>.{crt,key}}.
     */
    public AppCertificate issueServing(Inventory inventory, Path stateDirectory, AppCertificateRequest request,
                                       Optional<Path> outDirectory) {
        PkiStore store = PkiStore.of(stateDirectory);
        AtomicFiles.directory(stateDirectory);
        try (StoreLock ignored = store.lock()) {
            Reconciler reconciler = new Reconciler(store, options, random);
            KeyCert ca = reconciler.authority(CaSpec.KUBERNETES, namesIssuedBy(CaSpec.KUBERNETES, CertCatalog.leaves(inventory)));
            CertSpec spec = CertCatalog.app(request.name(), request.namespace(), inventory.cluster().clusterDomain(),
                    request.extraSans());
            PkiStore target = store;
            if (outDirectory.isPresent()) {
                target = PkiStore.at(outDirectory.get());
                spec = new CertSpec(request.name(), spec.commonName(), spec.organizations(), spec.usage(), spec.sans(), spec.issuer());
            }
            Reconciler leafReconciler = target == store ? reconciler : new Reconciler(target, options, random);
            KeyCert leaf = leafReconciler.leaf(spec, ca);
            List<PkiChange> changes = leafReconciler.changes();
            return new AppCertificate(changes.get(changes.size() - 1), target.cert(spec.name()), target.key(spec.name()),
                    store.cert(PkiNames.CA), spec.sans().stream().map(San::toString).toList(),
                    leaf.certificate().getNotAfter().toInstant());
        }
    }

    /**
     * Issues a client certificate signed by the cluster CA, in memory: neither it nor its key touches the
     * state directory, so each kubeconfig handed out has its own key and expiry. Refuses when the state
     * directory has no cluster CA (a kubeconfig for a cluster that was never applied would be useless).
     */
    public ClientCertificate issueClient(Path stateDirectory, ClientCertificateRequest request) {
        PkiStore store = PkiStore.of(stateDirectory);
        if (store.read(store.cert(PkiNames.CA)).isEmpty()) {
            throw new PkiException("no cluster CA in " + store.cert(PkiNames.CA).getParent() + ": apply the inventory "
                    + "first (or give --state the cluster's state directory)");
        }
        try (StoreLock ignored = store.lock()) {
            KeyCert ca = new Reconciler(store, options, random).authority(CaSpec.KUBERNETES, List.of());
            KeyPair keys = KeyPairs.generate(options.keyAlgorithm(), random);
            CertSpec spec = CertSpec.client("client-" + request.user(), CaSpec.KUBERNETES, request.user(),
                    request.groups().toArray(String[]::new));
            X509Certificate cert = new CertificateIssuer(options.clock(), random)
                    .leaf(spec, keys.getPublic(), ca, request.ttl());
            Credential credential = new Credential(spec.name(), Pem.certificate(cert), Pem.privateKey(keys.getPrivate()));
            return new ClientCertificate(credential, ca.certificatePem(), cert.getNotAfter().toInstant());
        }
    }

    private static List<String> namesIssuedBy(CaSpec ca, List<CertSpec> leaves) {
        return leaves.stream().filter(l -> l.issuer().equals(ca)).map(CertSpec::name).toList();
    }
}
