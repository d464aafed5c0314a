package dev.provisioner.pki;

import dev.provisioner.pki.PkiChange.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.provisioner.pki.PkiFixtures.T0;
import static dev.provisioner.pki.PkiFixtures.cert;
import static org.assertj.core.api.Assertions.assertThat;

/** Storage: modes, atomic writes, reuse across runs, reissue when the inventory changes. */
class StateDirectoryTest {
    @TempDir
    Path state;

    @Test
    void foldersAre0700KeysAre0600CertificatesAre0644AndNoTempFilesRemain() throws IOException {
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        Path pki = PkiFixtures.pki(state);
        assertThat(mode(state)).isEqualTo("rwx------");
        try (Stream<Path> all = Files.walk(pki)) {
            for (Path p : all.toList()) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    assertThat(mode(p)).as(p.toString()).isEqualTo("rwx------");
                } else if (name.endsWith(".key") || name.equals(".lock") || name.equals(VerifiedPairs.FILE)) {
                    assertThat(mode(p)).as(p.toString()).isEqualTo("rw-------");
                } else {
                    assertThat(name).as("no leftover temp file").matches(".*\\.(crt|pub)");
                    assertThat(mode(p)).as(p.toString()).isEqualTo("rw-r--r--");
                }
            }
        }
        assertThat(pki.resolve("etcd/master/server.key")).exists();
        assertThat(pki.resolve("kubelet/node01/client.crt")).exists();
    }

    @Test
    void aSecondEnsureReusesEverythingByteForByte() {
        PkiBundle first = PkiFixtures.pkiAt(T0).ensure(PkiFixtures.blog(), state);
        Map<String, String> before = PkiFixtures.snapshot(PkiFixtures.pki(state));
        PkiBundle second = PkiFixtures.pkiAt(T0.plusSeconds(86_400)).ensure(PkiFixtures.blog(), state);
        assertThat(PkiFixtures.snapshot(PkiFixtures.pki(state))).isEqualTo(before);
        assertThat(second.changes()).extracting(PkiChange::outcome).containsOnly(Outcome.REUSED);
        assertThat(second.changed()).isFalse();
        assertThat(first.changed()).isTrue();
        assertThat(second.filesByHost()).isEqualTo(first.filesByHost());
    }

    @Test
    void reusedFilesGetTheirModesBackWithoutChangingContent() throws IOException {
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        Path key = PkiFixtures.pki(state).resolve("admin.key");
        Path dir = PkiFixtures.pki(state).resolve("etcd");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> before = PkiFixtures.snapshot(PkiFixtures.pki(state));
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        assertThat(mode(key)).isEqualTo("rw-------");
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(PkiFixtures.snapshot(PkiFixtures.pki(state))).isEqualTo(before);
    }

    @Test
    void addingMastersReissuesTheApiserverCertificateFromTheSameCaWithTheSameKey() {
        PkiFixtures.pkiAt(T0).ensure(PkiFixtures.blog(), state);
        Map<String, String> before = PkiFixtures.snapshot(PkiFixtures.pki(state));
        X509Certificate oldApiserver = cert(state, "apiserver");

        PkiBundle after = PkiFixtures.pkiAt(T0.plusSeconds(3600)).ensure(PkiFixtures.inventory(PkiFixtures.THREE_MASTERS), state);
        Map<String, String> now = PkiFixtures.snapshot(PkiFixtures.pki(state));

        for (String ca : List.of("ca.crt", "ca.key", "etcd/ca.crt", "etcd/ca.key", "front-proxy-ca.crt", "sa.key", "sa.pub")) {
            assertThat(now.get(ca)).as(ca + " untouched").isEqualTo(before.get(ca));
        }
        assertThat(now.get("apiserver.key")).as("key kept").isEqualTo(before.get("apiserver.key"));
        assertThat(now.get("apiserver.crt")).isNotEqualTo(before.get("apiserver.crt"));
        X509Certificate apiserver = cert(state, "apiserver");
        assertThat(apiserver.getPublicKey()).isEqualTo(oldApiserver.getPublicKey());
        assertThat(apiserver.getIssuerX500Principal()).isEqualTo(oldApiserver.getIssuerX500Principal());
        assertThat(apiserver.getNotBefore()).isAfter(oldApiserver.getNotBefore());
        assertThat(now.get("kubelet/node01/client.crt")).as("unrelated leaves reused").isEqualTo(before.get("kubelet/node01/client.crt"));

        PkiChange change = after.changes().stream().filter(c -> c.name().equals("apiserver")).findFirst().orElseThrow();
        assertThat(change.outcome()).isEqualTo(Outcome.REISSUED);
        assertThat(change.detail()).isEqualTo("SANs changed: +DNS:k8s-master-2.example.net, +DNS:master2, +DNS:master3, +IP:10.4.4.10, +IP:10.4.4.9");
        assertThat(after.changes()).filteredOn(c -> c.outcome() == Outcome.CREATED).extracting(PkiChange::name)
                .containsExactlyInAnyOrder("etcd/master2/server", "etcd/master2/peer", "etcd/master3/server", "etcd/master3/peer",
                        "kubelet/master2/client", "kubelet/master2/server", "kubelet/master3/client", "kubelet/master3/server");
        assertThat(after.changes()).filteredOn(c -> c.outcome() == Outcome.REISSUED).extracting(PkiChange::name)
                .containsExactly("apiserver");
        PkiFixtures.Run verify = PkiFixtures.openssl("verify", "-CAfile", PkiFixtures.pki(state).resolve("ca.crt").toString(),
                PkiFixtures.pki(state).resolve("apiserver.crt").toString());
        assertThat(verify.exit()).isZero();
    }

    @Test
    void aMissingLeafCertificateIsIssuedAgainForItsKeyAndAMissingKeyGetsANewPair() throws IOException {
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        Path pki = PkiFixtures.pki(state);
        String key = Files.readString(pki.resolve("scheduler.key"));
        Files.delete(pki.resolve("scheduler.crt"));
        Files.delete(pki.resolve("kube-proxy.key"));
        PkiBundle again = ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        assertThat(Files.readString(pki.resolve("scheduler.key"))).isEqualTo(key);
        assertThat(again.changes()).contains(
                new PkiChange("scheduler", Outcome.REISSUED, "the certificate was missing"),
                new PkiChange("kube-proxy", Outcome.REISSUED, "the private key was missing: new key"));
        assertThat(PkiFixtures.openssl("verify", "-CAfile", pki.resolve("ca.crt").toString(),
                pki.resolve("scheduler.crt").toString()).exit()).isZero();
    }

    @Test
    void aMissingSaPubIsDerivedFromSaKey() throws IOException {
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        Path pub = PkiFixtures.pki(state).resolve("sa.pub");
        String original = Files.readString(pub);
        Files.delete(pub);
        PkiBundle again = ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        assertThat(Files.readString(pub)).isEqualTo(original);
        assertThat(again.changes()).contains(new PkiChange("sa", Outcome.REISSUED, "sa.pub was missing: derived from sa.key"));
    }

    @Test
    void aCaTheOperatorPlacedBeforeTheFirstRunIsUsed(@TempDir Path other) throws IOException {
        ClusterPki.standard().ensure(PkiFixtures.blog(), other);
        Path pki = PkiFixtures.pki(state);
        Files.createDirectories(pki);
        Files.copy(PkiFixtures.pki(other).resolve("ca.crt"), pki.resolve("ca.crt"));
        Files.copy(PkiFixtures.pki(other).resolve("ca.key"), pki.resolve("ca.key"));
        PkiBundle bundle = ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        assertThat(bundle.changes()).contains(new PkiChange("ca", Outcome.REUSED, ""));
        assertThat(PkiFixtures.openssl("verify", "-CAfile", PkiFixtures.pki(other).resolve("ca.crt").toString(),
                pki.resolve("apiserver.crt").toString()).exit()).isZero();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
