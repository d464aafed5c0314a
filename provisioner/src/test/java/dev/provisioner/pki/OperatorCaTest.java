package dev.provisioner.pki;

import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster CA the operator placed before the first run, made by another tool: the leaves name it by its own
 * subject key identifier when it has one, else by one derived from its public key.
 */
class OperatorCaTest {
    @TempDir
    Path state;
    private final KeyPair keys = KeyPairs.generate(KeyAlgorithm.EC_P256, new SecureRandom());

    @Test
    void leavesCarryTheCasOwnKeyIdentifier() throws Exception {
        byte[] ski = {1, 2, 3, 4, 5};
        X509Certificate ca = place(caCertificate().subjectKeyId(ski).build());
        X509Certificate apiserver = ensureAndRead("apiserver");
        apiserver.verify(ca.getPublicKey());
        assertThat(authorityKeyId(apiserver)).isEqualTo(ski);
    }

    @Test
    void withoutOneTheIdentifierIsDerivedFromTheCaKey() throws Exception {
        X509Certificate ca = place(caCertificate().build());
        X509Certificate admin = ensureAndRead("admin");
        admin.verify(ca.getPublicKey());
        assertThat(authorityKeyId(admin))
                .isEqualTo(new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(keys.getPublic()).getKeyIdentifierObject().getOctets())
                .hasSize(20);
    }

    private HandmadeCertificates caCertificate() {
        return HandmadeCertificates.of(keys, "CN=kubernetes-ca").ca(Integer.MAX_VALUE)
                .keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature);
    }

    private X509Certificate place(X509Certificate ca) throws IOException {
        Path pki = Files.createDirectories(PkiFixtures.pki(state));
        Files.write(pki.resolve("ca.crt"), Pem.certificate(ca));
        Files.write(pki.resolve("ca.key"), Pem.privateKey(keys.getPrivate()));
        return ca;
    }

    private X509Certificate ensureAndRead(String leaf) {
        PkiBundle bundle = PkiFixtures.pkiAt(PkiFixtures.T0).ensure(PkiFixtures.blog(), state);
        assertThat(bundle.changes()).contains(new PkiChange(PkiNames.CA, PkiChange.Outcome.REUSED, ""));
        return PkiFixtures.cert(state, leaf);
    }

    private static byte[] authorityKeyId(X509Certificate cert) throws IOException {
        return AuthorityKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(
                cert.getExtensionValue(Extension.authorityKeyIdentifier.getId()))).getKeyIdentifierObject().getOctets();
    }
}
