package dev.provisioner.pki;

import dev.provisioner.pki.PkiChange.Outcome;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Brings one certificate (or key pair) in the store to its desired state and records what it did.
 * The rules: what is there and still right is reused untouched; a leaf whose names, usages or expiry
 * no longer fit is issued again by the same CA with its existing key; a missing part of a leaf is made
 * again; anything ambiguous (a missing or expired CA, a key that does not match its certificate, a
 * leaf another CA signed) is refused with a message saying what to do.
 */
final class Reconciler {
    private final PkiStore store;
    private final PkiOptions options;
    private final SecureRandom random;
    private final CertificateIssuer issuer;
    private final List<PkiChange> changes = new ArrayList<>();
    private final java.util.Map<String, X509Certificate> previous;
    private final VerifiedPairs verified;

    Reconciler(PkiStore store, PkiOptions options, SecureRandom random) {
        this(store, options, random, java.util.Map.of());
    }

    /** With {@code previous}: a leaf signed by the previous CA of its issuer (a CA rotation) is reissued by the current one. */
    Reconciler(PkiStore store, PkiOptions options, SecureRandom random, java.util.Map<String, X509Certificate> previous) {
        this(store, options, random, previous, VerifiedPairs.none());
    }

    /** ... and with the pairs already proven ({@link VerifiedPairs}): their signatures are not checked again. */
    Reconciler(PkiStore store, PkiOptions options, SecureRandom random, java.util.Map<String, X509Certificate> previous,
               VerifiedPairs verified) {
        this.verified = verified;
        this.previous = java.util.Map.copyOf(previous);
        this.store = store;
        this.options = options;
        this.random = random;
        this.issuer = new CertificateIssuer(options.clock(), random);
    }

    /** The verdict part that marks a CA's verdict (a leaf's is what it must say: {@link #wanted(CertSpec)}). */
    private static final byte[] CA_VERDICT = "ca".getBytes(StandardCharsets.US_ASCII);

    /**
     * What a leaf must say, as {@link SpecDiff} compares it (common name, organisations, extended key usage, SANs), in
     * one canonical form: the part of its verdict that ties the verdict to the inventory's current wishes.
     */
    static byte[] wanted(CertSpec spec) {
        StringBuilder s = new StringBuilder("leaf\0").append(spec.commonName()).append('\0');
        new TreeSet<>(spec.organizations()).forEach(o -> s.append(o).append('\u0001'));
        s.append('\0').append(spec.usage().name()).append('\0');
        new TreeSet<>(spec.sans()).forEach(san -> s.append(san).append('\u0001'));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    List<PkiChange> changes() {
        return List.copyOf(changes);
    }

    KeyCert authority(CaSpec spec, Collection<String> leafNames) {
        Path certFile = store.cert(spec.name());
        Path keyFile = store.key(spec.name());
        Optional<byte[]> certPem = store.read(certFile);
        Optional<byte[]> keyPem = store.read(keyFile);
        if (certPem.isEmpty() && keyPem.isEmpty()) {
            List<String> orphans = issuedBy(spec, leafNames);
            if (!orphans.isEmpty()) {
                throw new PkiException("the " + spec.commonName() + " CA (" + certFile + ") is missing, but certificates it "
                        + "issued exist: " + String.join(", ", orphans) + ". Restore " + spec.name() + ".crt and "
                        + spec.name() + ".key from a backup; to start a new PKI instead, move " + store.directory()
                        + " away (every host then receives new files)");
            }
            KeyPair keys = KeyPairs.generate(options.keyAlgorithm(), random);
            X509Certificate cert = issuer.selfSignedCa(spec, keys, options.caValidity());
            KeyCert created = write(spec.name(), cert, keys.getPrivate());
            verified.remember(created.certificatePem(), created.keyPem());
            if (CertificateFacts.isCa(cert)) {
                verified.rememberVerdict(cert.getNotAfter().toInstant(), created.certificatePem(), created.keyPem(), CA_VERDICT);
            }
            changes.add(new PkiChange(spec.name(), Outcome.CREATED, ""));
            return created;
        }
        if (certPem.isEmpty() || keyPem.isEmpty()) {
            throw new PkiException("the " + spec.commonName() + " CA is incomplete: " + (certPem.isEmpty() ? certFile : keyFile)
                    + " is missing while " + (certPem.isEmpty() ? keyFile : certFile) + " exists. Restore the missing file "
                    + "from a backup; a CA is never regenerated automatically");
        }
        ParsedPem<PrivateKey> key = ParsedPem.key(keyPem.get(), keyFile.toString());
        Optional<Instant> until = verified.verdict(certPem.get(), keyPem.get(), CA_VERDICT);
        if (until.isPresent() && until.get().isAfter(options.clock().instant()) && verified.known(certPem.get(), keyPem.get())) {
            store.restrictModes(spec.name());
            changes.add(new PkiChange(spec.name(), Outcome.REUSED, ""));
            return new KeyCert(spec.name(), ParsedPem.certificate(certPem.get(), certFile.toString()), key, certPem.get(), keyPem.get());
        }
        X509Certificate cert = Pem.readCertificate(certPem.get(), certFile.toString());
        if (!CertificateFacts.isCa(cert)) {
            throw new PkiException(certFile + " is not a CA certificate (basicConstraints CA:TRUE is missing)");
        }
        if (!verified.known(certPem.get(), keyPem.get())) {
            if (!KeyPairs.matches(key.get(), cert.getPublicKey())) {
                throw new PkiException("the CA key " + keyFile + " does not match its certificate " + certFile
                        + ". Restore the matching pair from a backup");
            }
            verified.remember(certPem.get(), keyPem.get());
        }
        Instant notAfter = cert.getNotAfter().toInstant();
        if (!notAfter.isAfter(options.clock().instant())) {
            throw new PkiException("the " + spec.commonName() + " CA " + certFile + " expired on " + notAfter
                    + ". Replacing a CA gives every host a new trust root; it is not done automatically");
        }
        verified.rememberVerdict(notAfter, certPem.get(), keyPem.get(), CA_VERDICT);
        store.restrictModes(spec.name());
        changes.add(new PkiChange(spec.name(), Outcome.REUSED, ""));
        return new KeyCert(spec.name(), cert, key, certPem.get(), keyPem.get());
    }

    KeyCert leaf(CertSpec spec, KeyCert ca) {
        Path certFile = store.cert(spec.name());
        Path keyFile = store.key(spec.name());
        Optional<byte[]> certPem = store.read(certFile);
        Optional<byte[]> keyPem = store.read(keyFile);
        if (keyPem.isEmpty()) {
            KeyPair keys = KeyPairs.generate(options.keyAlgorithm(), random);
            KeyCert made = write(spec.name(), issuer.leaf(spec, keys.getPublic(), ca, options.leafValidity()), keys.getPrivate());
            verified.remember(made.certificatePem(), made.keyPem(), ca.certificatePem());
            rememberIssued(spec, made.certificate(), made.certificatePem(), made.keyPem(), ca);
            changes.add(certPem.isEmpty() ? new PkiChange(spec.name(), Outcome.CREATED, "")
                    : new PkiChange(spec.name(), Outcome.REISSUED, "the private key was missing: new key"));
            return made;
        }
        ParsedPem<PrivateKey> key = ParsedPem.key(keyPem.get(), keyFile.toString());
        if (certPem.isEmpty()) {
            return reissue(spec, ca, key, KeyPairs.publicOf(key.get()), keyPem.get(), "the certificate was missing");
        }
        byte[] wanted = wanted(spec);
        Optional<Instant> until = verified.verdict(certPem.get(), keyPem.get(), ca.certificatePem(), wanted);
        if (until.isPresent() && until.get().isAfter(options.clock().instant().plus(options.renewBefore()))
                && verified.known(certPem.get(), keyPem.get(), ca.certificatePem())) {
            store.restrictModes(spec.name());
            changes.add(new PkiChange(spec.name(), Outcome.REUSED, ""));
            return new KeyCert(spec.name(), ParsedPem.certificate(certPem.get(), certFile.toString()), key, certPem.get(), keyPem.get());
        }
        X509Certificate cert = Pem.readCertificate(certPem.get(), certFile.toString());
        if (!verified.known(certPem.get(), keyPem.get(), ca.certificatePem())) {
            if (!KeyPairs.matches(key.get(), cert.getPublicKey())) {
                throw new PkiException("the key " + keyFile + " does not match its certificate " + certFile
                        + ". Delete both files to have them issued again");
            }
            if (!signedBy(cert, ca.certificate())) {
                X509Certificate old = previous.get(spec.issuer().name());
                if (old != null && signedBy(cert, old)) {
                    return reissue(spec, ca, key, cert.getPublicKey(), keyPem.get(), "CA rotation: issued by the previous "
                            + spec.issuer().commonName() + " CA");
                }
                throw new PkiException(certFile + " was not issued by the current " + spec.issuer().commonName() + " CA ("
                        + store.cert(ca.name()) + "). Delete " + certFile + " to have it issued again by this CA");
            }
            verified.remember(certPem.get(), keyPem.get(), ca.certificatePem());
        }
        List<String> reasons = new ArrayList<>(SpecDiff.between(spec, cert));
        Instant notAfter = cert.getNotAfter().toInstant();
        if (reasons.isEmpty()) {
            verified.rememberVerdict(notAfter, certPem.get(), keyPem.get(), ca.certificatePem(), wanted);
        }
        Instant now = options.clock().instant();
        if (!notAfter.isAfter(now)) {
            reasons.add("expired on " + notAfter);
        } else if (!notAfter.isAfter(now.plus(options.renewBefore()))) {
            reasons.add("expires on " + notAfter);
        }
        if (!reasons.isEmpty()) {
            return reissue(spec, ca, key, cert.getPublicKey(), keyPem.get(), String.join("; ", reasons));
        }
        store.restrictModes(spec.name());
        changes.add(new PkiChange(spec.name(), Outcome.REUSED, ""));
        return new KeyCert(spec.name(), cert, key, certPem.get(), keyPem.get());
    }

    ServiceAccountKeys serviceAccount() {
        String name = PkiNames.SERVICE_ACCOUNT;
        Path keyFile = store.key(name);
        Path pubFile = store.pub(name);
        Optional<byte[]> keyPem = store.read(keyFile);
        Optional<byte[]> pubPem = store.read(pubFile);
        if (keyPem.isEmpty()) {
            if (pubPem.isPresent()) {
                throw new PkiException(keyFile + " is missing but " + pubFile + " exists: a new key would invalidate every "
                        + "service-account token. Restore sa.key from a backup, or delete sa.pub to start over");
            }
            KeyPair keys = KeyPairs.rsa(2048, random);
            byte[] priv = Pem.privateKey(keys.getPrivate());
            byte[] pub = Pem.publicKey(keys.getPublic());
            store.writeKey(keyFile, priv);
            store.writePublic(pubFile, pub);
            verified.remember(pub, priv);
            changes.add(new PkiChange(name, Outcome.CREATED, ""));
            return new ServiceAccountKeys(priv, pub);
        }
        if (pubPem.isEmpty()) {
            PrivateKey key = Pem.readPrivateKey(keyPem.get(), keyFile.toString());
            byte[] pub = Pem.publicKey(KeyPairs.rsaPublic(key));
            store.writePublic(pubFile, pub);
            store.restrictModes(name);
            verified.remember(pub, keyPem.get());
            changes.add(new PkiChange(name, Outcome.REISSUED, "sa.pub was missing: derived from sa.key"));
            return new ServiceAccountKeys(keyPem.get(), pub);
        }
        if (!verified.known(pubPem.get(), keyPem.get())) {
            PrivateKey key = Pem.readPrivateKey(keyPem.get(), keyFile.toString());
            PublicKey pub = Pem.readPublicKey(pubPem.get(), pubFile.toString());
            if (!KeyPairs.matches(key, pub)) {
                throw new PkiException(pubFile + " is not the public half of " + keyFile
                        + ". Delete sa.pub to have it derived from sa.key");
            }
            verified.remember(pubPem.get(), keyPem.get());
        }
        store.restrictModes(name);
        changes.add(new PkiChange(name, Outcome.REUSED, ""));
        return new ServiceAccountKeys(keyPem.get(), pubPem.get());
    }

    private KeyCert reissue(CertSpec spec, KeyCert ca, ParsedPem<PrivateKey> key, PublicKey publicKey, byte[] keyPem, String reason) {
        X509Certificate cert = issuer.leaf(spec, publicKey, ca, options.leafValidity());
        byte[] certPem = Pem.certificate(cert);
        store.writePublic(store.cert(spec.name()), certPem);
        store.restrictModes(spec.name());
        changes.add(new PkiChange(spec.name(), Outcome.REISSUED, reason));
        // Issued here for the key's own public half by this CA: a pair by construction.
        verified.remember(certPem, keyPem, ca.certificatePem());
        rememberIssued(spec, cert, certPem, keyPem, ca);
        return new KeyCert(spec.name(), cert, key, certPem, keyPem);
    }

    /** A leaf issued in this run: its verdict, once its own check agrees that it says what {@code spec} wants. */
    private void rememberIssued(CertSpec spec, X509Certificate cert, byte[] certPem, byte[] keyPem, KeyCert ca) {
        if (SpecDiff.between(spec, cert).isEmpty()) {
            verified.rememberVerdict(cert.getNotAfter().toInstant(), certPem, keyPem, ca.certificatePem(), wanted(spec));
        }
    }

    private KeyCert write(String name, X509Certificate cert, PrivateKey key) {
        byte[] keyPem = Pem.privateKey(key);
        byte[] certPem = Pem.certificate(cert);
        store.writeKey(store.key(name), keyPem);
        store.writePublic(store.cert(name), certPem);
        return new KeyCert(name, cert, ParsedPem.of(key), certPem, keyPem);
    }

    /** Leaves of {@code spec} that exist in the store: the known names, plus any certificate naming it as issuer. */
    private List<String> issuedBy(CaSpec spec, Collection<String> leafNames) {
        List<String> found = new ArrayList<>();
        for (String leaf : leafNames) {
            if (store.read(store.cert(leaf)).isPresent() || store.read(store.key(leaf)).isPresent()) {
                found.add(leaf);
            }
        }
        String issuerDn = "CN=" + spec.commonName();
        for (String name : store.certificateNames()) {
            if (found.contains(name) || name.equals(spec.name())) {
                continue;
            }
            try {
                X509Certificate c = Pem.readCertificate(store.read(store.cert(name)).orElseThrow(), name);
                if (c.getIssuerX500Principal().getName().equals(issuerDn) && !CertificateFacts.isCa(c)) {
                    found.add(name);
                }
            } catch (PkiException unreadable) {
                // not ours to judge here; status reports it
            }
        }
        return found;
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate ca) {
        try {
            cert.verify(ca.getPublicKey());
            return cert.getIssuerX500Principal().equals(ca.getSubjectX500Principal());
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
