package dev.provisioner.pki;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A CA with one of its two files gone is refused naming which; a CA certificate renamed around the same key no
 * longer vouches for the leaves naming the old one; a CA gone together with all its leaves is made anew.
 */
class CaRecoveryTest {
    @TempDir
    Path state;
    Path pki;

    @BeforeEach
    void ensure() {
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        pki = PkiFixtures.pki(state);
    }

    @Test
    void aCaCertificateWithoutItsKeyNamesTheMissingKey() throws IOException {
        Files.delete(pki.resolve("ca.key"));
        assertThatThrownBy(() -> ClusterPki.standard().ensure(PkiFixtures.blog(), state)).isInstanceOf(PkiException.class)
                .hasMessageStartingWith("the kubernetes-ca CA is incomplete: " + pki.resolve("ca.key") + " is missing while "
                        + pki.resolve("ca.crt") + " exists. Restore the missing file");
    }

    @Test
    void aCaKeyWithoutItsCertificateNamesTheMissingCertificate() throws IOException {
        Files.delete(pki.resolve("front-proxy-ca.crt"));
        assertThatThrownBy(() -> ClusterPki.standard().ensure(PkiFixtures.blog(), state)).isInstanceOf(PkiException.class)
                .hasMessageStartingWith("the front-proxy-ca CA is incomplete: " + pki.resolve("front-proxy-ca.crt")
                        + " is missing while " + pki.resolve("front-proxy-ca.key") + " exists");
    }

    @Test
    void aCaCertificateRenamedAroundTheSameKeyIsNotTheIssuerOfTheOldLeaves() throws Exception {
        PrivateKey key = Pem.readPrivateKey(Files.readAllBytes(pki.resolve("ca.key")), "ca.key");
        X509Certificate renamed = HandmadeCertificates.of(new KeyPair(KeyPairs.publicOf(key), key), "CN=other-ca").ca(Integer.MAX_VALUE)
                .keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature).build();
        Files.write(pki.resolve("ca.crt"), Pem.certificate(renamed));
        PkiFixtures.cert(state, PkiNames.ADMIN).verify(renamed.getPublicKey()); // the signature alone would still verify
        assertThatThrownBy(() -> PkiFixtures.pkiAt(PkiFixtures.T0).ensure(PkiFixtures.blog(), state)).isInstanceOf(PkiException.class)
                .hasMessageContaining(" was not issued by the current kubernetes-ca CA (" + pki.resolve("ca.crt") + ")");
    }

    @Test
    void aCaDeletedWithEveryLeafItIssuedIsCreatedAgainAndTheOtherCasLeavesAreKept() throws IOException {
        for (String f : new String[] {"front-proxy-ca.crt", "front-proxy-ca.key", "front-proxy-client.crt", "front-proxy-client.key"}) {
            Files.delete(pki.resolve(f));
        }
        Map<String, String> before = PkiFixtures.snapshot(pki);
        PkiBundle again = ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        assertThat(again.changes()).contains(new PkiChange(PkiNames.FRONT_PROXY_CA, PkiChange.Outcome.CREATED, ""),
                new PkiChange(PkiNames.FRONT_PROXY_CLIENT, PkiChange.Outcome.CREATED, ""),
                new PkiChange(PkiNames.ADMIN, PkiChange.Outcome.REUSED, ""));
        Map<String, String> after = PkiFixtures.snapshot(pki);
        before.forEach((file, content) -> assertThat(after.get(file)).as(file).isEqualTo(content));
        assertThat(PkiFixtures.openssl("verify", "-CAfile", pki.resolve("front-proxy-ca.crt").toString(),
                pki.resolve("front-proxy-client.crt").toString()).exit()).isZero();
    }
}
