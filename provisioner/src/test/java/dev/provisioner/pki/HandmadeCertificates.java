package dev.provisioner.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Self-signed certificates with exactly the extensions a test asks for (the issuer under test always
 * writes the right ones), to see how stored certificates made elsewhere are judged.
 */
final class HandmadeCertificates {
    private final KeyPair keys;
    private final String subject;
    private final List<Extension> extensions = new ArrayList<>();

    private HandmadeCertificates(KeyPair keys, String subject) {
        this.keys = keys;
        this.subject = subject;
    }

    /** A certificate for {@code keys} with subject {@code subject} (e.g. {@code CN=alice,O=dev}), no extensions yet. */
    static HandmadeCertificates of(KeyPair keys, String subject) {
        return new HandmadeCertificates(keys, subject);
    }

    HandmadeCertificates keyUsage(int bits) {
        return add(Extension.keyUsage, true, new KeyUsage(bits));
    }

    HandmadeCertificates clientAuth() {
        return add(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
    }

    HandmadeCertificates dnsNames(String... names) {
        GeneralName[] gn = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            gn[i] = new GeneralName(GeneralName.dNSName, names[i]);
        }
        return add(Extension.subjectAlternativeName, false, new GeneralNames(gn));
    }

    HandmadeCertificates ca(int pathLength) {
        return add(Extension.basicConstraints, true, new BasicConstraints(pathLength));
    }

    HandmadeCertificates subjectKeyId(byte[] id) {
        return add(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(id));
    }

    private HandmadeCertificates add(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, boolean critical,
                                     org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            extensions.add(new Extension(oid, critical, value.toASN1Primitive().getEncoded()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return this;
    }

    /** Valid from an hour before {@link PkiFixtures#T0} for ten years. */
    X509Certificate build() {
        try {
            X500Name name = new X500Name(subject);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(4711),
                    Date.from(PkiFixtures.T0.minus(Duration.ofHours(1))), Date.from(PkiFixtures.T0.plus(Duration.ofDays(3650))),
                    name, keys.getPublic());
            for (Extension e : extensions) {
                b.addExtension(e);
            }
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(KeyPairs.signatureAlgorithm(keys.getPrivate())).build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
