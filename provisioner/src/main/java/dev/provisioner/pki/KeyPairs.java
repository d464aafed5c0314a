package dev.provisioner.pki;

import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;

/** Key generation and key checks with the JDK's providers (no global provider registration). */
final class KeyPairs {
    private KeyPairs() {
    }

    static KeyPair generate(KeyAlgorithm algorithm, SecureRandom random) {
        try {
            if (algorithm == KeyAlgorithm.EC_P256) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"), random);
                return g.generateKeyPair();
            }
            return rsa(2048, random);
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot generate a " + algorithm + " key: " + e.getMessage(), e);
        }
    }

    static KeyPair rsa(int bits, SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot generate an RSA key: " + e.getMessage(), e);
        }
    }

    /** The JCA signature algorithm a key of this type signs certificates with. */
    static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new PkiException("unsupported key type " + key.getAlgorithm());
        };
    }

    /**
     * True when {@code key} is the private half of {@code publicKey}: for RSA by the key's own numbers, otherwise proven
     * by a signature over random bytes.
     */
    static boolean matches(PrivateKey key, PublicKey publicKey) {
        if (!normalise(key.getAlgorithm()).equals(normalise(publicKey.getAlgorithm()))) {
            return false;
        }
        // RSA: the public half is in the private key (modulus and exponent), and its primes and exponents are checked
        // against each other with a few multiplications; a test signature would cost a private-key operation. EC keeps
        // the test signature: the JDK's P-256 sign and verify are about 4x faster, in a fresh JVM, than deriving the
        // public point with BouncyCastle's generic curve arithmetic.
        if (key instanceof RSAPrivateCrtKey crt && publicKey instanceof java.security.interfaces.RSAPublicKey pub) {
            java.math.BigInteger p = crt.getPrimeP();
            java.math.BigInteger q = crt.getPrimeQ();
            java.math.BigInteger e = crt.getPublicExponent();
            java.math.BigInteger one = java.math.BigInteger.ONE;
            return crt.getModulus().equals(pub.getModulus()) && e.equals(pub.getPublicExponent())
                    && p.multiply(q).equals(pub.getModulus())
                    && e.multiply(crt.getPrivateExponent()).mod(p.subtract(one)).equals(one)
                    && e.multiply(crt.getPrivateExponent()).mod(q.subtract(one)).equals(one);
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(signatureAlgorithm(key));
            signer.initSign(key);
            signer.update(challenge);
            byte[] sig = signer.sign();
            Signature verifier = Signature.getInstance(signatureAlgorithm(key));
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The public half of a private key: RSA from its CRT parameters, EC by multiplying the curve's generator. */
    static PublicKey publicOf(PrivateKey key) {
        if (key instanceof ECPrivateKey ec) {
            try {
                java.security.spec.ECParameterSpec params = ec.getParams();
                ECCurve curve = EC5Util.convertCurve(params.getCurve());
                ECPoint g = EC5Util.convertPoint(curve, params.getGenerator());
                ECPoint q = g.multiply(ec.getS()).normalize();
                java.security.spec.ECPoint w = new java.security.spec.ECPoint(q.getAffineXCoord().toBigInteger(),
                        q.getAffineYCoord().toBigInteger());
                return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
            } catch (GeneralSecurityException e) {
                throw new PkiException("cannot derive an EC public key: " + e.getMessage(), e);
            }
        }
        return rsaPublic(key);
    }

    /** The public half of an RSA private key (CRT form, which every PKCS#1/PKCS#8 RSA key has). */
    static PublicKey rsaPublic(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new PkiException("cannot derive the public key of a " + key.getAlgorithm() + " key");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot derive an RSA public key: " + e.getMessage(), e);
        }
    }

    private static String normalise(String algorithm) {
        return algorithm.equals("ECDSA") ? "EC" : algorithm;
    }
}
