package dev.provisioner.pki;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static dev.provisioner.pki.PkiFixtures.openssl;
import static org.assertj.core.api.Assertions.assertThat;

/** The real {@code openssl} CLI accepts every chain for its purpose and matches every key to its certificate. */
class OpensslVerifyTest {
    @TempDir
    static Path state;
    static Path pki;

    @BeforeAll
    static void ensure() {
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        pki = PkiFixtures.pki(state);
    }

    @ParameterizedTest(name = "{0} verifies against {1} for {2}")
    @CsvSource(textBlock = """
            apiserver,                ca,             sslserver
            apiserver-kubelet-client, ca,             sslclient
            admin,                    ca,             sslclient
            super-admin,              ca,             sslclient
            controller-manager,       ca,             sslclient
            scheduler,                ca,             sslclient
            kube-proxy,               ca,             sslclient
            kubelet/node01/client,    ca,             sslclient
            kubelet/node01/server,    ca,             sslserver
            kubelet/node02/client,    ca,             sslclient
            kubelet/node02/server,    ca,             sslserver
            registry,                 ca,             sslserver
            front-proxy-client,       front-proxy-ca, sslclient
            apiserver-etcd-client,    etcd/ca,        sslclient
            flannel-etcd-client,      etcd/ca,        sslclient
            etcd/healthcheck-client,  etcd/ca,        sslclient
            etcd/root-client,         etcd/ca,        sslclient
            etcd/master/server,       etcd/ca,        sslserver
            etcd/master/server,       etcd/ca,        sslclient
            etcd/master/peer,         etcd/ca,        sslserver
            etcd/master/peer,         etcd/ca,        sslclient
            """)
    void chainVerifiesForItsPurpose(String name, String ca, String purpose) {
        PkiFixtures.Run run = openssl("verify", "-CAfile", crt(ca), "-purpose", purpose, crt(name));
        assertThat(run.output()).contains(crt(name) + ": OK");
        assertThat(run.exit()).isZero();
    }

    @ParameterizedTest(name = "{0} is refused for {2} or by {1}")
    @CsvSource(textBlock = """
            admin,                 etcd/ca, sslserver
            kubelet/node01/client, etcd/ca, sslserver
            apiserver,             etcd/ca, sslclient
            apiserver-etcd-client, ca,      sslserver
            """)
    void wrongCaOrWrongPurposeIsRefused(String name, String otherCa, String wrongPurpose) {
        assertThat(openssl("verify", "-CAfile", crt(otherCa), crt(name)).exit()).isNotZero();
        String ownCa = name.contains("etcd") ? "etcd/ca" : "ca";
        assertThat(openssl("verify", "-CAfile", crt(ownCa), "-purpose", wrongPurpose, crt(name)).exit()).isNotZero();
    }

    @Test
    void everyKeyIsThePrivateHalfOfItsCertificate() throws Exception {
        List<String> names = ClusterPki.standard().status(state).stream().map(CertificateStatus::name).toList();
        assertThat(names).hasSize(25); // + apilb-healthcheck-client, the master's kubelet client and server, etcd's root client
        for (String name : names) {
            byte[] challenge = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.security.PrivateKey key = privateKey(name);
            java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(challenge);
            java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(PkiFixtures.cert(pki.resolve(name + ".crt")));
            verifier.update(challenge);
            assertThat(verifier.verify(signer.sign())).as(name).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({"ca", "apiserver", "etcd/master/peer", "kubelet/node02/client"})
    void opensslAgreesThatKeyAndCertificateMatch(String name) {
        PkiFixtures.Run fromKey = openssl("pkey", "-in", pki.resolve(name + ".key").toString(), "-pubout");
        PkiFixtures.Run fromCert = openssl("x509", "-in", crt(name), "-noout", "-pubkey");
        assertThat(fromKey.exit()).as(fromKey.output()).isZero();
        assertThat(fromKey.output()).isEqualTo(fromCert.output());
    }

    @Test
    void opensslSeesTheExtensions() {
        String text = openssl("x509", "-in", crt("apiserver"), "-noout", "-text").output();
        assertThat(text).contains("CA:FALSE", "TLS Web Server Authentication", "Digital Signature",
                "DNS:kubernetes.default.svc.cluster.local", "IP Address:10.96.0.1",
                "X509v3 Subject Key Identifier", "X509v3 Authority Key Identifier");
        String ca = openssl("x509", "-in", crt("ca"), "-noout", "-text").output();
        assertThat(ca).contains("CA:TRUE", "Certificate Sign, CRL Sign");
    }

    @Test
    void serviceAccountKeyIsAValidRsa2048KeyAndSaPubIsItsPublicHalf() {
        PkiFixtures.Run check = openssl("rsa", "-in", pki.resolve("sa.key").toString(), "-check", "-noout");
        assertThat(check.output()).contains("RSA key ok");
        assertThat(openssl("pkey", "-in", pki.resolve("sa.key").toString(), "-noout", "-text").output())
                .contains("Private-Key: (2048 bit");
        PkiFixtures.Run derived = openssl("pkey", "-in", pki.resolve("sa.key").toString(), "-pubout");
        assertThat(derived.output()).isEqualTo(PkiFixtures.snapshot(pki).get("sa.pub"));
    }

    private static java.security.PrivateKey privateKey(String name) throws Exception {
        String pem = java.nio.file.Files.readString(pki.resolve(name + ".key"));
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n");
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return java.security.KeyFactory.getInstance("EC")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(base64)));
    }

    private static String crt(String name) {
        return pki.resolve(name + ".crt").toString();
    }
}
