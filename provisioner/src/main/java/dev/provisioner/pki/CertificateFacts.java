package dev.provisioner.pki;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import javax.security.auth.x500.X500Principal;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What a stored certificate says, read with the JDK's X509Certificate and BouncyCastle's name parser. */
final class CertificateFacts {
    private CertificateFacts() {
    }

    static String commonName(X509Certificate cert) {
        List<String> cn = rdnValues(cert.getSubjectX500Principal(), BCStyle.CN);
        return cn.isEmpty() ? "" : cn.get(0);
    }

    static List<String> organizations(X509Certificate cert) {
        return rdnValues(cert.getSubjectX500Principal(), BCStyle.O);
    }

    static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    /** DNS and IP subject alternative names, in certificate order. */
    static List<San> sans(X509Certificate cert) {
        List<San> out = new ArrayList<>();
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            if (names == null) {
                return out;
            }
            for (List<?> entry : names) {
                int type = (Integer) entry.get(0);
                if (type == 2) {
                    out.add(San.dns((String) entry.get(1)));
                } else if (type == 7) {
                    out.add(San.ip((String) entry.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            throw new PkiException("unreadable subject alternative names: " + e.getMessage(), e);
        }
        return out;
    }

    static boolean serverAuth(X509Certificate cert) {
        return hasExtendedUsage(cert, "1.3.6.1.5.5.7.3.1");
    }

    static boolean clientAuth(X509Certificate cert) {
        return hasExtendedUsage(cert, "1.3.6.1.5.5.7.3.2");
    }

    static boolean isCa(X509Certificate cert) {
        return cert.getBasicConstraints() >= 0;
    }

    private static boolean hasExtendedUsage(X509Certificate cert, String oid) {
        try {
            List<String> eku = cert.getExtendedKeyUsage();
            return eku != null && eku.contains(oid);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static List<String> rdnValues(X500Principal principal, ASN1ObjectIdentifier type) {
        X500Name name = X500Name.getInstance(principal.getEncoded());
        List<String> values = new ArrayList<>();
        for (RDN rdn : name.getRDNs(type)) {
            values.add(IETFUtils.valueToString(rdn.getFirst().getValue()));
        }
        return values;
    }
}
