package dev.provisioner.pki;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Private keys as openssl and kubeadm write them: PKCS#8, or the traditional PKCS#1 (RSA) and SEC1 (EC) forms,
 * SEC1 with or without its optional public key.
 */
class PemTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aTraditionalRsaKeyIsRead() throws IOException {
        KeyPair rsa = KeyPairs.rsa(1024, RANDOM);
        byte[] pkcs1 = traditional(rsa);
        assertThat(new String(pkcs1, StandardCharsets.US_ASCII)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Pem.readPrivateKey(pkcs1, "rsa.key")).isEqualTo(rsa.getPrivate());
    }

    @Test
    void anEcKeyWithoutItsOptionalPublicKeyIsRead(@TempDir Path dir) throws IOException {
        Path full = dir.resolve("full.key");
        Path bare = dir.resolve("bare.key");
        assertThat(PkiFixtures.openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", full.toString()).exit()).isZero();
        assertThat(PkiFixtures.openssl("ec", "-in", full.toString(), "-no_public", "-out", bare.toString()).exit()).isZero();
        ECPrivateKey withPublic = (ECPrivateKey) Pem.readPrivateKey(Files.readAllBytes(full), "full.key");
        ECPrivateKey withoutPublic = (ECPrivateKey) Pem.readPrivateKey(Files.readAllBytes(bare), "bare.key");
        assertThat(withoutPublic.getS()).isEqualTo(withPublic.getS());
        assertThat(KeyPairs.publicOf(withoutPublic)).isEqualTo(KeyPairs.publicOf(withPublic));
    }

    @Test
    void aPkcs8KeyIsRead() {
        KeyPair ec = KeyPairs.generate(KeyAlgorithm.EC_P256, RANDOM);
        assertThat(Pem.readPrivateKey(Pem.privateKey(ec.getPrivate()), "ec.key")).isEqualTo(ec.getPrivate());
    }

    @Test
    void aPublicKeyIsNotAPrivateKey() {
        KeyPair ec = KeyPairs.generate(KeyAlgorithm.EC_P256, RANDOM);
        assertThatThrownBy(() -> Pem.readPrivateKey(Pem.publicKey(ec.getPublic()), "sa.pub")).isInstanceOf(PkiException.class)
                .hasMessage("sa.pub does not hold an unencrypted PEM private key");
    }

    /** PKCS#1 for an RSA pair. */
    private static byte[] traditional(KeyPair keys) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(keys);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
