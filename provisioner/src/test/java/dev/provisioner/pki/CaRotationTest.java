package dev.provisioner.pki;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.provisioner.pki.PkiFixtures.cert;
import static dev.provisioner.pki.PkiFixtures.openssl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CA rotation's state machine on a real state directory: TRUST (hosts trust old + next, leaves
 * untouched), REISSUE (new CAs current, every leaf reissued by them, hosts trust new + old), TRANSITION,
 * FINISH (hosts trust the new CAs only), then nothing; each step resumable, every misuse refused. Chains
 * are checked with the real openssl CLI.
 */
class CaRotationTest {
    private static final List<String> CAS = List.of(PkiNames.CA, PkiNames.ETCD_CA, PkiNames.FRONT_PROXY_CA);

    @TempDir
    Path state;
    private final ClusterPki pki = ClusterPki.standard();
    private PkiBundle before;

    @BeforeEach
    void applied() {
        before = pki.ensure(PkiFixtures.blog(), state);
    }

    private PkiBundle ensure() {
        return pki.ensure(PkiFixtures.blog(), state);
    }

    private static List<X509Certificate> certs(byte[] pem) throws Exception {
        List<X509Certificate> out = new ArrayList<>();
        CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).forEach(c -> out.add((X509Certificate) c));
        return out;
    }

    private static byte[] hostFile(PkiBundle bundle, String host, String path) {
        return bundle.filesFor(host).stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
    }

    private Map<String, java.math.BigInteger> leafSerials(PkiBundle bundle) {
        return bundle.certificateNames().stream().filter(n -> !CAS.contains(n))
                .collect(Collectors.toMap(n -> n, n -> cert(state, n).getSerialNumber()));
    }

    private Path file(String name, byte[] pem) throws Exception {
        Path f = state.resolve(name.replace('/', '-') + ".pem");
        Files.write(f, pem);
        return f;
    }

    @Test
    void aFullRotationTrustsBothDuringTheTransitionAndOnlyTheNewAfterwards() throws Exception {
        X509Certificate oldCa = cert(state, PkiNames.CA);
        X509Certificate oldEtcdCa = cert(state, PkiNames.ETCD_CA);
        Path oldAdmin = file("old-admin", Files.readAllBytes(state.resolve("pki/admin.crt")));
        Path oldEtcdClient = file("old-etcd-client", Files.readAllBytes(state.resolve("pki/etcd/healthcheck-client.crt")));
        Map<String, java.math.BigInteger> serials = leafSerials(before);
        assertThat(pki.caRotation(state)).isEmpty();

        // TRUST: next CAs beside the old; hosts get both, the current first (its key is the controller-manager's); leaves untouched.
        assertThat(pki.beginCaRotation(state)).isEqualTo(CaRotationPhase.TRUST);
        assertThat(pki.caRotation(state)).get().extracting(CaRotationStatus::phase).isEqualTo(CaRotationPhase.TRUST);
        for (String ca : CAS) {
            assertThat(Files.getPosixFilePermissions(state.resolve("pki/" + ca + ".next.key")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        X509Certificate nextCa = cert(state, PkiNames.CA + ".next");
        byte[] nextPem = Files.readAllBytes(state.resolve("pki/ca.next.crt"));
        PkiBundle trust = ensure();
        assertThat(trust.changes()).allMatch(c -> c.outcome() == PkiChange.Outcome.REUSED);
        assertThat(leafSerials(trust)).isEqualTo(serials);
        assertThat(certs(hostFile(trust, "master", HostPaths.CA_CERT))).containsExactly(oldCa, nextCa);
        assertThat(certs(hostFile(trust, "node01", HostPaths.CA_CERT))).containsExactly(oldCa, nextCa);
        assertThat(certs(hostFile(trust, "master", HostPaths.ETCD_MEMBER_CA_CERT)))
                .containsExactly(oldEtcdCa, cert(state, PkiNames.ETCD_CA + ".next"));
        assertThat(certs(trust.trust(PkiNames.CA))).containsExactly(oldCa, nextCa);
        assertThat(certs(hostFile(trust, "master", HostPaths.CA_CERT)).get(0).getPublicKey())
                .isEqualTo(KeyPairs.publicOf(Pem.readPrivateKey(hostFile(trust, "master", HostPaths.CA_KEY), "ca.key")));

        // Running phase 1 again before the swap resumes it: the same next CA.
        assertThat(pki.beginCaRotation(state)).isEqualTo(CaRotationPhase.TRUST);
        assertThat(Files.readAllBytes(state.resolve("pki/ca.next.crt"))).isEqualTo(nextPem);
        assertThatThrownBy(() -> pki.beginCaRotationFinish(state)).isInstanceOf(CaRotationException.class)
                .hasMessageContaining("phase 1").hasMessageContaining("certs renew --ca");

        // REISSUE: the next CA is current, the old kept; every leaf is reissued by the new CA.
        pki.swapCaRotation(state);
        pki.swapCaRotation(state); // an interrupted swap run again changes nothing more
        assertThat(cert(state, PkiNames.CA)).isEqualTo(nextCa);
        assertThat(cert(state, PkiNames.CA + ".old")).isEqualTo(oldCa);
        assertThat(state.resolve("pki/ca.next.crt")).doesNotExist();
        PkiBundle reissued = ensure();
        assertThat(reissued.changes()).filteredOn(c -> !CAS.contains(c.name()) && !c.name().equals(PkiNames.SERVICE_ACCOUNT))
                .isNotEmpty().allSatisfy(c -> {
                    assertThat(c.outcome()).isEqualTo(PkiChange.Outcome.REISSUED);
                    assertThat(c.detail()).contains("CA rotation");
                });
        leafSerials(reissued).forEach((name, serial) -> assertThat(serial).as(name).isNotEqualTo(serials.get(name)));
        assertThat(certs(hostFile(reissued, "master", HostPaths.CA_CERT))).containsExactly(nextCa, oldCa);
        assertThat(ensure().changed()).as("a second ensure reuses everything").isFalse();
        assertThat(pki.beginCaRotation(state)).as("resuming phase 1 after the swap").isEqualTo(CaRotationPhase.REISSUE);

        // TRANSITION: servers trusting the bundle accept an old-CA client certificate and a new one; new leaves verify.
        pki.completeCaRotationPhaseOne(state);
        Path bundle = file("bundle", hostFile(reissued, "master", HostPaths.CA_CERT));
        Path etcdBundle = file("etcd-bundle", hostFile(reissued, "master", HostPaths.ETCD_MEMBER_CA_CERT));
        assertThat(openssl("verify", "-CAfile", bundle.toString(), "-purpose", "sslclient", oldAdmin.toString()).exit()).isZero();
        assertThat(openssl("verify", "-CAfile", etcdBundle.toString(), "-purpose", "sslclient", oldEtcdClient.toString()).exit()).isZero();
        assertThat(openssl("verify", "-CAfile", bundle.toString(), "-purpose", "sslclient",
                state.resolve("pki/admin.crt").toString()).exit()).isZero();
        assertThat(openssl("verify", "-CAfile", etcdBundle.toString(), "-purpose", "sslserver",
                state.resolve("pki/etcd/master/server.crt").toString()).exit()).isZero();
        assertThatThrownBy(() -> pki.beginCaRotation(state)).isInstanceOf(CaRotationException.class)
                .hasMessageContaining("in progress").hasMessageContaining("--finish");

        // FINISH: hosts trust the new CAs only; an old-CA client certificate no longer verifies.
        pki.beginCaRotationFinish(state);
        pki.beginCaRotationFinish(state); // resumable
        assertThat(pki.caRotation(state)).get().extracting(CaRotationStatus::phase).isEqualTo(CaRotationPhase.FINISH);
        PkiBundle finished = ensure();
        assertThat(finished.changed()).isFalse();
        assertThat(certs(hostFile(finished, "master", HostPaths.CA_CERT))).containsExactly(nextCa);
        Path newOnly = file("new-only", hostFile(finished, "master", HostPaths.ETCD_MEMBER_CA_CERT));
        assertThat(openssl("verify", "-CAfile", newOnly.toString(), "-purpose", "sslclient", oldEtcdClient.toString()).exit()).isNotZero();
        pki.completeCaRotation(state);
        assertThat(pki.caRotation(state)).isEmpty();
        for (String ca : CAS) {
            assertThat(state.resolve("pki/" + ca + ".old.crt")).doesNotExist();
            assertThat(state.resolve("pki/" + ca + ".old.key")).doesNotExist();
        }
        assertThat(ensure().changed()).isFalse();
        assertThat(certs(hostFile(ensure(), "master", HostPaths.CA_CERT))).containsExactly(nextCa);
    }

    @Test
    void finishingWithoutARotationIsRefusedAndChangesNothing() {
        Map<String, String> files = PkiFixtures.snapshot(state.resolve("pki"));
        assertThatThrownBy(() -> pki.beginCaRotationFinish(state)).isInstanceOf(CaRotationException.class)
                .hasMessageContaining("no CA rotation is in progress").hasMessageContaining("certs renew --ca");
        assertThat(PkiFixtures.snapshot(state.resolve("pki"))).isEqualTo(files);
    }

    @Test
    void rotatingWithoutACaIsRefused(@TempDir Path empty) {
        assertThatThrownBy(() -> pki.beginCaRotation(empty)).isInstanceOf(PkiException.class)
                .hasMessageContaining("no kubernetes-ca CA to rotate");
        assertThat(pki.caRotation(empty)).isEmpty();
    }

    @Test
    void aDamagedRecordIsNamed() throws Exception {
        Files.writeString(state.resolve("pki/ca-rotation"), "phase=HALFWAY\nstarted=yesterday\n");
        assertThatThrownBy(() -> pki.caRotation(state)).isInstanceOf(PkiException.class)
                .hasMessageContaining("ca-rotation").hasMessageContaining("phase=TRUST|REISSUE|TRANSITION|FINISH");
    }

    @Test
    void aLeafOfAnUnknownCaIsStillRefusedDuringARotation() throws Exception {
        pki.beginCaRotation(state);
        pki.swapCaRotation(state);
        // Replace the admin certificate by one from an unrelated PKI: neither the new nor the old CA signed it.
        Path other = state.resolve("other");
        pki.ensure(PkiFixtures.blog(), other);
        Files.copy(other.resolve("pki/admin.crt"), state.resolve("pki/admin.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(other.resolve("pki/admin.key"), state.resolve("pki/admin.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(this::ensure).isInstanceOf(PkiException.class).hasMessageContaining("was not issued by the current");
    }
}
