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
        assertThat(first).isNotEmpty().allSatisfy(l -> assertThat(l).matches("[0-9a-f]{64}"));
        long modified = Files.getLastModifiedTime(file).toMillis();
        Thread.sleep(20);

        ClusterPki.standard().ensure(PkiFixtures.blog(), state);

        assertThat(Files.readAllLines(file)).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(file).toMillis()).as("nothing new: not rewritten").isEqualTo(modified);
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
