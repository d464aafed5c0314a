package dev.provisioner.pki;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pairs a run already proved: remembered by their exact bytes, never instead of the checks that are not signatures. */
class VerifiedPairsTest {
    @TempDir
    Path state;

    @Test
    void theFirstEnsureRemembersWhatItIssuedAndTheSecondWritesNothing() throws Exception {
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        Path file = PkiFixtures.pki(state).resolve(VerifiedPairs.FILE);
        List<String> first = Files.readAllLines(file);
        assertThat(first).isNotEmpty().allSatisfy(l -> assertThat(l).matches("[0-9a-f]{64}( [0-9]+)?"));
        assertThat(first).as("verdicts of what the run issued").anySatisfy(l -> assertThat(l).contains(" "));
        long modified = Files.getLastModifiedTime(file).toMillis();
        Thread.sleep(20);

        ClusterPki.standard().ensure(PkiFixtures.blog(), state);

        assertThat(Files.readAllLines(file)).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(file).toMillis()).as("nothing new: not rewritten").isEqualTo(modified);
    }

    @Test
    void aConvergedRunParsesNoCertificateButAChangedWishOrAnExpiryComingIsStillFound() throws Exception {
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        PkiStore store = PkiStore.of(state);
        Reconciler reconciler = new Reconciler(store, PkiOptions.defaults(), new SecureRandom(), Map.of(), VerifiedPairs.in(store));
        KeyCert ca = reconciler.authority(CaSpec.KUBERNETES, List.of());
        assertThat(ca.parsedCertificate().parsed()).as("the CA's verdict").isFalse();
        List<CertSpec> leaves = CertCatalog.leaves(PkiFixtures.blog()).stream()
                .filter(l -> l.issuer().name().equals(CaSpec.KUBERNETES.name())).toList();
        for (CertSpec leaf : leaves) {
            KeyCert k = reconciler.leaf(leaf, ca);
            assertThat(k.parsedCertificate().parsed()).as(leaf.name()).isFalse();
            assertThat(k.certificate().getSubjectX500Principal().getName()).as("parsed when asked for").contains(leaf.commonName());
        }
        assertThat(reconciler.changes()).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(PkiChange.Outcome.REUSED));

        // Another SAN wanted: the verdict was for other wishes, so the certificate is compared and issued again.
        CertSpec first = leaves.get(0);
        CertSpec more = new CertSpec(first.name(), first.commonName(), first.organizations(), first.usage(),
                java.util.stream.Stream.concat(first.sans().stream(), java.util.stream.Stream.of(San.of("extra.example"))).toList(),
                first.issuer());
        Reconciler again = new Reconciler(store, PkiOptions.defaults(), new SecureRandom(), Map.of(), VerifiedPairs.in(store));
        again.leaf(more, again.authority(CaSpec.KUBERNETES, List.of()));
        assertThat(again.changes()).last().satisfies(c -> assertThat(c.outcome()).isEqualTo(PkiChange.Outcome.REISSUED));

        // A clock near the end of the leaves' validity: the verdict's expiry is checked, and the leaf renewed.
        CertSpec second = leaves.get(1);
        java.time.Instant secondEnd = Pem.readCertificate(Files.readAllBytes(store.cert(second.name())), "test").getNotAfter().toInstant();
        PkiOptions late = PkiOptions.defaults().withClock(java.time.Clock.fixed(
                secondEnd.minus(java.time.Duration.ofDays(2)), java.time.ZoneOffset.UTC));
        Reconciler later = new Reconciler(store, late, new SecureRandom(), Map.of(), VerifiedPairs.in(store));
        later.leaf(second, later.authority(CaSpec.KUBERNETES, List.of()));
        assertThat(later.changes()).last().satisfies(c -> assertThat(c.outcome()).isEqualTo(PkiChange.Outcome.REISSUED));
    }

    @Test
    void verdictsAreKeptWithTheirExpiryAndAGarbledOneIsIgnored() throws Exception {
        PkiStore store = PkiStore.of(state);
        Files.createDirectories(store.directory());
        String k = VerifiedPairs.key(new byte[] {4});
        Files.writeString(store.directory().resolve(VerifiedPairs.FILE), k + " 1700000000\n" + k.substring(1) + " 12\n"
                + VerifiedPairs.key(new byte[] {5}) + " soon\n");
        VerifiedPairs v = VerifiedPairs.in(store);
        assertThat(v.verdict(new byte[] {4})).contains(java.time.Instant.ofEpochSecond(1_700_000_000L));
        assertThat(v.verdict(new byte[] {5})).isEmpty();
        assertThat(v.known(new byte[] {4})).as("a verdict is not a proven pair").isFalse();
        assertThat(VerifiedPairs.none().verdict(new byte[] {4})).isEmpty();
    }

    @Test
    void aKeySwappedForAnotherStillFailsTheCheck() throws Exception {
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        Path pki = PkiFixtures.pki(state);
        // Another valid key in place of node01's kubelet key: different bytes, so the remembered proof does not apply.
        Path key = pki.resolve("kubelet/node01/client.key");
        Files.write(key, Files.readAllBytes(pki.resolve("kubelet/node02/client.key")));

        assertThatThrownBy(() -> ClusterPki.standard().ensure(PkiFixtures.blog(), state))
                .isInstanceOf(PkiException.class).hasMessageContaining("does not match its certificate");
    }

    @Test
    void entriesFrameEachPartSoThatShiftedBytesDoNotCollide() {
        byte[] ab = "ab".getBytes(StandardCharsets.US_ASCII);
        byte[] c = "c".getBytes(StandardCharsets.US_ASCII);
        byte[] a = "a".getBytes(StandardCharsets.US_ASCII);
        byte[] bc = "bc".getBytes(StandardCharsets.US_ASCII);
        assertThat(VerifiedPairs.key(ab, c)).isNotEqualTo(VerifiedPairs.key(a, bc));
        assertThat(VerifiedPairs.key(ab, c)).isEqualTo(VerifiedPairs.key(ab, c));
    }

    @Test
    void nothingIsKnownWithoutAStoreAndAGarbledFileIsIgnored() throws Exception {
        assertThat(VerifiedPairs.none().known(new byte[] {1})).isFalse();
        PkiStore store = PkiStore.of(state);
        Files.createDirectories(store.directory());
        Files.writeString(store.directory().resolve(VerifiedPairs.FILE), "not a hash\n" + VerifiedPairs.key(new byte[] {2}) + "\n");
        VerifiedPairs v = VerifiedPairs.in(store);
        assertThat(v.known(new byte[] {2})).isTrue();
        assertThat(v.known(new byte[] {3})).isFalse();
    }

    @Test
    void aConvergedRunParsesNoPrivateKeyUntilOneMustSign() throws Exception {
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        PkiStore store = PkiStore.of(state);
        Reconciler reconciler = new Reconciler(store, PkiOptions.defaults(), new SecureRandom(), Map.of(), VerifiedPairs.in(store));
        KeyCert ca = reconciler.authority(CaSpec.KUBERNETES, List.of());
        List<CertSpec> leaves = CertCatalog.leaves(PkiFixtures.blog()).stream()
                .filter(l -> l.issuer().name().equals(CaSpec.KUBERNETES.name())).toList();
        assertThat(leaves).isNotEmpty();
        for (CertSpec leaf : leaves) {
            assertThat(reconciler.leaf(leaf, ca).key().parsed()).as(leaf.name()).isFalse();
        }
        assertThat(ca.key().parsed()).as("nothing was signed").isFalse();
        reconciler.serviceAccount();

        // A certificate to issue again (its file gone, its key kept): the leaf's key gives the public half, the CA signs.
        CertSpec first = leaves.get(0);
        Files.delete(store.cert(first.name()));
        KeyCert again = reconciler.leaf(first, ca);
        assertThat(again.key().parsed()).isTrue();
        assertThat(ca.key().parsed()).isTrue();
        assertThat(again.certificate().getPublicKey()).isEqualTo(KeyPairs.publicOf(again.privateKey()));
    }
}
