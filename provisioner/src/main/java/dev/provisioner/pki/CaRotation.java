package dev.provisioner.pki;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The CA rotation's files in a {@link PkiStore}: the record {@code ca-rotation} (phase, start time), the
 * next CAs ({@code <ca>.next.crt/.key}) during {@link CaRotationPhase#TRUST} and the previous ones
 * ({@code <ca>.old.crt/.key}) from {@link CaRotationPhase#REISSUE} until the rotation completes. Each
 * transition is idempotent, so an interrupted one is completed by running it again. The caller holds
 * the store's lock.
 */
final class CaRotation {
    static final String RECORD = "ca-rotation";
    static final String NEXT = ".next";
    static final String OLD = ".old";

    private final PkiStore store;

    CaRotation(PkiStore store) {
        this.store = store;
    }

    Path record() {
        return store.directory().resolve(RECORD);
    }

    Optional<CaRotationStatus> status() {
        Optional<byte[]> bytes = store.read(record());
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(bytes.get(), StandardCharsets.UTF_8)));
            return Optional.of(new CaRotationStatus(CaRotationPhase.valueOf(p.getProperty("phase", "")),
                    Instant.parse(p.getProperty("started", ""))));
        } catch (IOException | RuntimeException e) {
            throw new PkiException(record() + ": not a CA rotation record (phase=TRUST|REISSUE|TRANSITION|FINISH,"
                    + " started=<ISO instant>): " + e.getMessage(), e);
        }
    }

    void write(CaRotationPhase phase, Instant started) {
        String text = "# CA rotation in progress; see docs/pki.md\nphase=" + phase.name() + "\nstarted=" + started + "\n";
        store.writePublic(record(), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Phase 1 begins: a new key and self-signed certificate beside each CA. */
    void createNext(List<CaSpec> authorities, CertificateIssuer issuer, PkiOptions options, SecureRandom random) {
        for (CaSpec ca : authorities) {
            if (store.read(store.cert(ca.name())).isEmpty() || store.read(store.key(ca.name())).isEmpty()) {
                throw new PkiException("no " + ca.commonName() + " CA to rotate in " + store.directory()
                        + ": apply the inventory first (or give --state the cluster's state directory)");
            }
        }
        for (CaSpec ca : authorities) {
            KeyPair keys = KeyPairs.generate(options.keyAlgorithm(), random);
            X509Certificate cert = issuer.selfSignedCa(ca, keys, options.caValidity());
            store.writeKey(store.key(ca.name() + NEXT), Pem.privateKey(keys.getPrivate()));
            store.writePublic(store.cert(ca.name() + NEXT), Pem.certificate(cert));
        }
    }

    /** The next CAs become current, the current ones are kept as {@code .old}. A CA without {@code .next} was swapped already. */
    void swap(List<CaSpec> authorities) {
        for (CaSpec ca : authorities) {
            Optional<byte[]> nextCert = store.read(store.cert(ca.name() + NEXT));
            Optional<byte[]> nextKey = store.read(store.key(ca.name() + NEXT));
            if (nextCert.isEmpty() || nextKey.isEmpty()) {
                continue;
            }
            store.writeKey(store.key(ca.name() + OLD), store.read(store.key(ca.name())).orElseThrow());
            store.writePublic(store.cert(ca.name() + OLD), store.read(store.cert(ca.name())).orElseThrow());
            store.writeKey(store.key(ca.name()), nextKey.get());
            store.writePublic(store.cert(ca.name()), nextCert.get());
            delete(store.cert(ca.name() + NEXT));
            delete(store.key(ca.name() + NEXT));
        }
    }

    /** Phase 2 converged: the old CAs and the record go. */
    void complete(List<CaSpec> authorities) {
        for (CaSpec ca : authorities) {
            delete(store.key(ca.name() + OLD));
            delete(store.cert(ca.name() + OLD));
        }
        delete(record());
    }

    /** Every CA's trust bundle for hosts, by CA name: the current certificate first, then the other one the phase trusts. */
    Map<String, byte[]> trust(List<CaSpec> authorities, Map<String, KeyCert> current) {
        Optional<CaRotationPhase> phase = status().map(CaRotationStatus::phase);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (CaSpec ca : authorities) {
            byte[] pem = current.get(ca.name()).certificatePem();
            Optional<byte[]> other = Optional.empty();
            if (phase.equals(Optional.of(CaRotationPhase.TRUST))) {
                other = store.read(store.cert(ca.name() + NEXT));
            } else if (phase.map(CaRotationPhase::trustsOld).orElse(false)) {
                other = store.read(store.cert(ca.name() + OLD));
            }
            out.put(ca.name(), other.map(o -> concat(pem, o)).orElse(pem));
        }
        return out;
    }

    /** The previous CA certificates (from {@link CaRotationPhase#REISSUE} on): leaves they signed are reissued. */
    Map<String, X509Certificate> previous(List<CaSpec> authorities) {
        Map<String, X509Certificate> out = new LinkedHashMap<>();
        if (status().filter(s -> s.phase() != CaRotationPhase.TRUST).isEmpty()) {
            return out;
        }
        for (CaSpec ca : authorities) {
            Path file = store.cert(ca.name() + OLD);
            store.read(file).ifPresent(pem -> out.put(ca.name(), Pem.readCertificate(pem, file.toString())));
        }
        return out;
    }

    /** {@code first} then {@code second}, with a line break between them when {@code first} lacks one. */
    static byte[] concat(byte[] first, byte[] second) {
        boolean newline = first.length > 0 && first[first.length - 1] != '\n';
        byte[] out = new byte[first.length + (newline ? 1 : 0) + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        if (newline) {
            out[first.length] = '\n';
        }
        System.arraycopy(second, 0, out, out.length - second.length, second.length);
        return out;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new PkiException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
