package dev.provisioner.pki;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key generation, the public half of a private key, and whether a key belongs to a certificate. */
class KeyPairsTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void ecKeysAreP256AndRsaKeysHaveTheAskedSize() {
        KeyPair ec = KeyPairs.generate(KeyAlgorithm.EC_P256, RANDOM);
        assertThat(((ECPublicKey) ec.getPublic()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(((RSAPublicKey) KeyPairs.rsa(1024, RANDOM).getPublic()).getModulus().bitLength()).isEqualTo(1024);
        assertThat(KeyPairs.signatureAlgorithm(ec.getPrivate())).isEqualTo("SHA256withECDSA");
    }

    @Test
    void thePublicHalfIsDerivedForRsaAndEc() {
        KeyPair rsa = KeyPairs.rsa(1024, RANDOM);
        assertThat(KeyPairs.publicOf(rsa.getPrivate())).isEqualTo(rsa.getPublic());
        KeyPair ec = KeyPairs.generate(KeyAlgorithm.EC_P256, RANDOM);
        assertThat(KeyPairs.publicOf(ec.getPrivate())).isEqualTo(ec.getPublic());
        assertThatThrownBy(() -> KeyPairs.rsaPublic(ec.getPrivate())).isInstanceOf(PkiException.class)
                .hasMessage("cannot derive the public key of a EC key");
    }

    @Test
    void aKeyMatchesOnlyItsOwnPublicHalf() throws Exception {
        KeyPair ec = KeyPairs.generate(KeyAlgorithm.EC_P256, RANDOM);
        KeyPair otherEc = KeyPairs.generate(KeyAlgorithm.EC_P256, RANDOM);
        KeyPair rsa = KeyPairs.rsa(1024, RANDOM);
        assertThat(KeyPairs.matches(ec.getPrivate(), ec.getPublic())).isTrue();
        assertThat(KeyPairs.matches(rsa.getPrivate(), rsa.getPublic())).isTrue();
        assertThat(KeyPairs.matches(ec.getPrivate(), otherEc.getPublic())).isFalse();
        assertThat(KeyPairs.matches(ec.getPrivate(), rsa.getPublic())).isFalse();
        assertThat(KeyPairs.matches(rsa.getPrivate(), ec.getPublic())).isFalse();
        assertThat(KeyPairs.matches(rsa.getPrivate(), KeyPairs.rsa(1024, RANDOM).getPublic())).isFalse();
        java.security.interfaces.RSAPrivateCrtKey crt = (java.security.interfaces.RSAPrivateCrtKey) rsa.getPrivate();
        java.security.PrivateKey wrongExponent = java.security.KeyFactory.getInstance("RSA").generatePrivate(
                new java.security.spec.RSAPrivateCrtKeySpec(crt.getModulus(), crt.getPublicExponent(),
                        crt.getPrivateExponent().add(java.math.BigInteger.TWO), crt.getPrimeP(), crt.getPrimeQ(),
                        crt.getPrimeExponentP(), crt.getPrimeExponentQ(), crt.getCrtCoefficient()));
        assertThat(KeyPairs.matches(wrongExponent, rsa.getPublic())).as("same modulus, another private exponent").isFalse();
        java.security.KeyPairGenerator p384 = java.security.KeyPairGenerator.getInstance("EC");
        p384.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        assertThat(KeyPairs.matches(p384.generateKeyPair().getPrivate(), ec.getPublic())).as("another curve").isFalse();
    }

    @Test
    void anEdwardsKeyCannotSign() throws Exception {
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThatThrownBy(() -> KeyPairs.signatureAlgorithm(ed.getPrivate())).isInstanceOf(PkiException.class)
                .hasMessage("unsupported key type EdDSA");
    }
}
