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
import java.util.Set;

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
            CaRotation rotation = new CaRotation(store);
            VerifiedPairs verified = VerifiedPairs.in(store);
            Reconciler reconciler = new Reconciler(store, options, random, rotation.previous(CertCatalog.authorities()), verified);
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
            verified.save();
            Map<String, byte[]> trust = rotation.trust(CertCatalog.authorities(), issued);
            return new PkiBundle(store.directory(), HostLayout.files(inventory, issued, trust, sa), credentials, trust,
                    reconciler.changes());
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
            Reconciler reconciler = new Reconciler(store, options, random,
                    new CaRotation(store).previous(CertCatalog.authorities()));
            KeyCert ca = reconciler.authority(CaSpec.KUBERNETES, namesIssuedBy(CaSpec.KUBERNETES, CertCatalog.leaves(inventory)));
            CertSpec spec = CertCatalog.app(request.name(), request.namespace(), inventory.cluster().clusterDomain(),
                    request.extraSans());
            PkiStore target = store;
            if (outDirectory.isPresent()) {
                target = PkiStore.at(outDirectory.get());
                spec = new CertSpec(request.name(), spec.commonName(), spec.organizations(), spec.usage(), spec.sans(), spec.issuer());
            }
            Reconciler leafReconciler = target == store ? reconciler : new Reconciler(target, options, random,
                    new CaRotation(store).previous(CertCatalog.authorities()));
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

    /** The CA rotation recorded in {@code <stateDirectory>/pki}; empty when none is in progress. */
    public Optional<CaRotationStatus> caRotation(Path stateDirectory) {
        return new CaRotation(PkiStore.of(stateDirectory)).status();
    }

    /**
     * Phase 1 of a CA rotation, first half: a new key and certificate beside each of the three CAs
     * ({@code <ca>.next}), recorded as {@link CaRotationPhase#TRUST}; from now on {@link #ensure} gives hosts
     * bundles trusting the current and the next CAs. When phase 1 is already under way (an interrupted run)
     * it returns its phase unchanged, so running the command again resumes it.
     *
     * @throws CaRotationException when phase 1 has completed (a rotation is in progress: finish it first)
     */
    public CaRotationPhase beginCaRotation(Path stateDirectory) {
        PkiStore store = PkiStore.of(stateDirectory);
        try (StoreLock ignored = store.lock()) {
            CaRotation rotation = new CaRotation(store);
            Optional<CaRotationStatus> now = rotation.status();
            if (now.isPresent()) {
                CaRotationPhase phase = now.get().phase();
                if (phase == CaRotationPhase.TRUST || phase == CaRotationPhase.REISSUE) {
                    return phase;
                }
                throw new CaRotationException("a CA rotation started " + now.get().started() + " is in progress (" + phase.description()
                        + "); finish it with `provisioner certs renew --ca --finish` before starting another");
            }
            rotation.createNext(CertCatalog.authorities(), new CertificateIssuer(options.clock(), random), options, random);
            rotation.write(CaRotationPhase.TRUST, options.clock().instant());
            return CaRotationPhase.TRUST;
        }
    }

    /**
     * Phase 1, second half (after every host trusts both): the next CAs become current, the old ones are kept as
     * {@code <ca>.old}, and {@link #ensure} reissues every leaf the old CAs signed; recorded as
     * {@link CaRotationPhase#REISSUE}. Does nothing in {@link CaRotationPhase#REISSUE}.
     */
    public void swapCaRotation(Path stateDirectory) {
        transition(stateDirectory, Set.of(CaRotationPhase.TRUST, CaRotationPhase.REISSUE), CaRotationPhase.REISSUE,
                rotation -> rotation.swap(CertCatalog.authorities()));
    }

    /** Phase 1 converged on every host: recorded as {@link CaRotationPhase#TRANSITION}. */
    public void completeCaRotationPhaseOne(Path stateDirectory) {
        transition(stateDirectory, Set.of(CaRotationPhase.REISSUE, CaRotationPhase.TRANSITION), CaRotationPhase.TRANSITION,
                rotation -> { });
    }

    /**
     * Phase 2 begins: recorded as {@link CaRotationPhase#FINISH}, so {@link #ensure} gives hosts the new CAs only.
     * Does nothing when phase 2 is already under way (an interrupted run).
     *
     * @throws CaRotationException when no rotation is in progress, or its phase 1 has not completed
     */
    public void beginCaRotationFinish(Path stateDirectory) {
        transition(stateDirectory, Set.of(CaRotationPhase.TRANSITION, CaRotationPhase.FINISH), CaRotationPhase.FINISH, rotation -> { });
    }

    /** Phase 2 converged on every host: the old CAs and the rotation record are deleted. */
    public void completeCaRotation(Path stateDirectory) {
        PkiStore store = PkiStore.of(stateDirectory);
        try (StoreLock ignored = store.lock()) {
            CaRotation rotation = new CaRotation(store);
            if (rotation.status().isPresent()) {
                require(rotation, Set.of(CaRotationPhase.FINISH));
                rotation.complete(CertCatalog.authorities());
            }
        }
    }

    private void transition(Path stateDirectory, Set<CaRotationPhase> from, CaRotationPhase to,
                            java.util.function.Consumer<CaRotation> action) {
        PkiStore store = PkiStore.of(stateDirectory);
        try (StoreLock ignored = store.lock()) {
            CaRotation rotation = new CaRotation(store);
            CaRotationStatus now = require(rotation, from);
            action.accept(rotation);
            rotation.write(to, now.started());
        }
    }

    private static CaRotationStatus require(CaRotation rotation, Set<CaRotationPhase> allowed) {
        CaRotationStatus now = rotation.status().orElseThrow(() -> new CaRotationException("no CA rotation is in progress"
                + " (no " + rotation.record() + "); start one with `provisioner certs renew --ca`"));
        if (!allowed.contains(now.phase())) {
            if (now.phase() == CaRotationPhase.TRUST || now.phase() == CaRotationPhase.REISSUE) {
                throw new CaRotationException("phase 1 of the CA rotation started " + now.started() + " has not completed ("
                        + now.phase().description() + "); run `provisioner certs renew --ca` again to complete it first");
            }
            throw new CaRotationException("the CA rotation started " + now.started() + " is in phase "
                    + now.phase().name() + " (" + now.phase().description() + ")");
        }
        return now;
    }

    private static List<String> namesIssuedBy(CaSpec ca, List<CertSpec> leaves) {
        return leaves.stream().filter(l -> l.issuer().equals(ca)).map(CertSpec::name).toList();
    }
}
