package dev.provisioner.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
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
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Builds certificates with BouncyCastle's X.509 builders. CAs: basicConstraints CA:TRUE (critical),
 * keyUsage keyCertSign, cRLSign, digitalSignature (critical), SKI. Leaves: CA:FALSE, keyUsage
 * digitalSignature (+ keyEncipherment for RSA keys only, as RFC 5480 and client-go do for ECDSA),
 * extendedKeyUsage serverAuth/clientAuth, SANs, SKI and AKI. notBefore is backdated five minutes for
 * clock skew between hosts; a leaf never outlives its CA.
 */
final class CertificateIssuer {
    static final Duration BACKDATE = Duration.ofMinutes(5);

    private final Clock clock;
    private final SecureRandom random;

    CertificateIssuer(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    X509Certificate selfSignedCa(CaSpec spec, KeyPair keys, Duration validity) {
        Instant now = now();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, spec.commonName()).build();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minus(BACKDATE)),
                Date.from(now.plus(validity)), subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (IOException | GeneralSecurityException e) {
            throw new PkiException("cannot build CA " + spec.name() + ": " + e.getMessage(), e);
        }
        return sign(b, keys.getPrivate(), spec.name());
    }

    X509Certificate leaf(CertSpec spec, PublicKey subjectKey, KeyCert ca, Duration validity) {
        Instant now = now();
        Instant notAfter = now.plus(validity);
        Instant caEnd = ca.certificate().getNotAfter().toInstant();
        if (notAfter.isAfter(caEnd)) {
            notAfter = caEnd;
        }
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
                Date.from(now.minus(BACKDATE)), Date.from(notAfter), subject(spec), subjectKey);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(expectedKeyUsage(subjectKey)));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes(spec.usage())));
            if (!spec.sans().isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, generalNames(spec.sans()));
            }
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            b.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId(ca.certificate(), ext));
        } catch (IOException | GeneralSecurityException e) {
            throw new PkiException("cannot build " + spec.name() + ": " + e.getMessage(), e);
        }
        return sign(b, ca.privateKey(), spec.name());
    }

    /** keyUsage bits for a leaf with this key: digitalSignature, plus keyEncipherment for RSA. */
    static int expectedKeyUsage(PublicKey key) {
        return "RSA".equals(key.getAlgorithm()) ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
    }

    static X500Name subject(CertSpec spec) {
        X500NameBuilder n = new X500NameBuilder(BCStyle.INSTANCE);
        spec.organizations().forEach(o -> n.addRDN(BCStyle.O, o));
        n.addRDN(BCStyle.CN, spec.commonName());
        return n.build();
    }

    private static KeyPurposeId[] purposes(Usage usage) {
        List<KeyPurposeId> ids = new ArrayList<>();
        if (usage.serverAuth) {
            ids.add(KeyPurposeId.id_kp_serverAuth);
        }
        if (usage.clientAuth) {
            ids.add(KeyPurposeId.id_kp_clientAuth);
        }
        return ids.toArray(KeyPurposeId[]::new);
    }

    private static GeneralNames generalNames(List<San> sans) {
        return new GeneralNames(sans.stream()
                .map(s -> new GeneralName(s.kind() == San.Kind.IP ? GeneralName.iPAddress : GeneralName.dNSName, s.value()))
                .toArray(GeneralName[]::new));
    }

    /** The CA's own SKI when it has one (a CA brought by the operator may compute it differently), else derived. */
    private static AuthorityKeyIdentifier authorityKeyId(X509Certificate ca, JcaX509ExtensionUtils ext) throws IOException {
        byte[] skiExt = ca.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (skiExt != null) {
            SubjectKeyIdentifier ski = SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(skiExt.clone()));
            return new AuthorityKeyIdentifier(ski.getKeyIdentifier());
        }
        return ext.createAuthorityKeyIdentifier(ca.getPublicKey());
    }

    private X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer, String name) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(KeyPairs.signatureAlgorithm(signer)).build(signer)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new PkiException("cannot sign " + name + ": " + e.getMessage(), e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private BigInteger serial() {
        return new BigInteger(159, random).add(BigInteger.ONE);
    }
}
