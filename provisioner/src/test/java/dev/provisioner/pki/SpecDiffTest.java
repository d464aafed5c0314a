package dev.provisioner.pki;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What makes a stored leaf differ from its spec, judged on certificates made outside the issuer. */
class SpecDiffTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair EC = KeyPairs.generate(KeyAlgorithm.EC_P256, RANDOM);
    private static final KeyPair RSA = KeyPairs.rsa(1024, RANDOM);
    private static final CertSpec ALICE = CertSpec.client("alice", CaSpec.KUBERNETES, "alice", "dev");

    @Test
    void aMatchingClientCertificateHasNoDifferences() {
        assertThat(SpecDiff.between(ALICE, alice(EC, KeyUsage.digitalSignature))).isEmpty();
        assertThat(SpecDiff.between(ALICE, alice(RSA, KeyUsage.digitalSignature | KeyUsage.keyEncipherment))).isEmpty();
    }

    @Test
    void theKeyUsageMustBeDigitalSignaturePlusKeyEnciphermentForRsaOnly() {
        assertThat(SpecDiff.between(ALICE, HandmadeCertificates.of(EC, "CN=alice,O=dev").clientAuth().build()))
                .as("no key usage at all").containsExactly("key usage differs");
        assertThat(SpecDiff.between(ALICE, alice(EC, KeyUsage.keyEncipherment))).containsExactly("key usage differs");
        assertThat(SpecDiff.between(ALICE, alice(EC, KeyUsage.digitalSignature | KeyUsage.keyEncipherment)))
                .containsExactly("key usage differs");
        assertThat(SpecDiff.between(ALICE, alice(EC, KeyUsage.digitalSignature | KeyUsage.keyCertSign)))
                .containsExactly("key usage differs");
        assertThat(SpecDiff.between(ALICE, alice(RSA, KeyUsage.digitalSignature))).containsExactly("key usage differs");
        assertThat(SpecDiff.between(ALICE, alice(RSA, KeyUsage.keyEncipherment))).containsExactly("key usage differs");
    }

    @Test
    void namesOrganisationsAndUsageAreCompared() {
        X509Certificate bob = HandmadeCertificates.of(EC, "CN=bob,O=ops").keyUsage(KeyUsage.digitalSignature).build();
        assertThat(SpecDiff.between(ALICE, bob)).containsExactly("CN bob -> alice", "O [ops] -> [dev]",
                "extended key usage is not client");
    }

    @Test
    void sansAddedAndDroppedAreListed() {
        CertSpec spec = CertSpec.server("web", CaSpec.KUBERNETES, "web", Set.of(San.dns("b.example"), San.dns("c.example")));
        X509Certificate cert = HandmadeCertificates.of(EC, "CN=web").keyUsage(KeyUsage.digitalSignature)
                .dnsNames("a.example", "b.example").build();
        assertThat(SpecDiff.between(spec, cert)).contains("SANs changed: +DNS:c.example, -DNS:a.example");
    }

    @Test
    void aCaWithPathLengthZeroIsStillACa() {
        X509Certificate ca = HandmadeCertificates.of(EC, "CN=alice,O=dev").ca(0).clientAuth().keyUsage(KeyUsage.digitalSignature)
                .build();
        assertThat(ca.getBasicConstraints()).isZero();
        assertThat(CertificateFacts.isCa(ca)).isTrue();
        assertThat(SpecDiff.between(ALICE, ca)).containsExactly("is a CA certificate");
        assertThat(CertificateFacts.isCa(alice(EC, KeyUsage.digitalSignature))).isFalse();
    }

    private static X509Certificate alice(KeyPair keys, int keyUsage) {
        return HandmadeCertificates.of(keys, "CN=alice,O=dev").clientAuth().keyUsage(keyUsage).build();
    }
}
