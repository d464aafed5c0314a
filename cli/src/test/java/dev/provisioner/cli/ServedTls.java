package dev.provisioner.cli;

import dev.provisioner.testsupport.LabHost;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** What a lab host serves over TLS, read with openssl s_client from another lab host, and PEM helpers for the lab tests. */
final class ServedTls {
    private ServedTls() {
    }

    /** The certificate {@code server} serves on {@code port}, as {@code client} reads it. */
    static X509Certificate served(LabHost client, LabHost server, int port) throws Exception {
        String pem = client.execOk("timeout 5 openssl s_client -connect " + server.address() + ":" + port
                + " </dev/null 2>/dev/null | sed -n '/BEGIN CERT/,/END CERT/p'");
        return certificates(pem.getBytes(StandardCharsets.US_ASCII)).get(0);
    }

    /** Every certificate in a PEM file. */
    static List<X509Certificate> certificates(Path file) throws Exception {
        return certificates(Files.readAllBytes(file));
    }

    static List<X509Certificate> certificates(byte[] pem) throws Exception {
        List<X509Certificate> out = new ArrayList<>();
        CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))
                .forEach(c -> out.add((X509Certificate) c));
        return out;
    }

    /** True when {@code ca}'s key signed {@code leaf}. */
    static boolean signedBy(X509Certificate leaf, X509Certificate ca) {
        try {
            leaf.verify(ca.getPublicKey());
            return true;
        } catch (Exception notThisOne) {
            return false;
        }
    }
}
