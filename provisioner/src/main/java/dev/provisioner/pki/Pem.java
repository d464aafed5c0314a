package dev.provisioner.pki;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * PEM encoding and decoding with BouncyCastle's PEM classes. Private keys are written as PKCS#8
 * ({@code PRIVATE KEY}); reading also accepts the traditional {@code RSA/EC PRIVATE KEY} forms.
 */
final class Pem {
    private Pem() {
    }

    static byte[] certificate(X509Certificate cert) {
        return write(cert);
    }

    static byte[] publicKey(PublicKey key) {
        return write(key);
    }

    static byte[] privateKey(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null).generate());
        } catch (IOException e) {
            throw new PkiException("cannot encode a private key: " + e.getMessage(), e);
        }
    }

    private static byte[] write(Object o) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new PkiException("cannot encode PEM: " + e.getMessage(), e);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static X509Certificate readCertificate(byte[] pem, String what) {
        Object o = readObject(pem, what);
        if (!(o instanceof X509CertificateHolder holder)) {
            throw new PkiException(what + " does not hold a PEM certificate");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new PkiException(what + " holds an unreadable certificate: " + e.getMessage(), e);
        }
    }

    static PrivateKey readPrivateKey(byte[] pem, String what) {
        Object o = readObject(pem, what);
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (o instanceof PEMKeyPair pair) {
                // the private part alone: SEC1's public key is optional (openssl ec -no_public omits it)
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
        } catch (IOException e) {
            throw new PkiException(what + " holds an unreadable private key: " + e.getMessage(), e);
        }
        throw new PkiException(what + " does not hold an unencrypted PEM private key");
    }

    static PublicKey readPublicKey(byte[] pem, String what) {
        Object o = readObject(pem, what);
        try {
            if (o instanceof SubjectPublicKeyInfo info) {
                return new JcaPEMKeyConverter().getPublicKey(info);
            }
        } catch (IOException e) {
            throw new PkiException(what + " holds an unreadable public key: " + e.getMessage(), e);
        }
        throw new PkiException(what + " does not hold a PEM public key");
    }

    private static Object readObject(byte[] pem, String what) {
        try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
            Object o = parser.readObject();
            if (o == null) {
                throw new PkiException(what + " is not PEM");
            }
            return o;
        } catch (IOException e) {
            throw new PkiException(what + " is not valid PEM: " + e.getMessage(), e);
        }
    }
}
