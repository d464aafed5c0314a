package dev.provisioner.pki;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.security.auth.x500.X500Principal;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.provisioner.pki.PkiFixtures.T0;
import static dev.provisioner.pki.PkiFixtures.cert;
import static org.assertj.core.api.Assertions.assertThat;

/** The certificate set of the blog topology: names, groups, SANs, usages, extensions, validity (K8S-REFERENCE §3). */
class CertificateSetTest {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @TempDir
    static Path state;
    static PkiBundle bundle;

    @BeforeAll
    static void ensure() {
        bundle = PkiFixtures.pkiAt(T0).ensure(PkiFixtures.blog(), state);
    }

    @Test
    void everyCertificateTheClusterNeedsIsThere() {
        assertThat(bundle.certificateNames()).containsExactlyInAnyOrder(
                "ca", "etcd/ca", "front-proxy-ca",
                "apiserver", "apiserver-kubelet-client", "apiserver-etcd-client", "front-proxy-client",
                "admin", "super-admin", "controller-manager", "scheduler", "kube-proxy", "apilb-healthcheck-client",
                "flannel-etcd-client", "etcd/healthcheck-client", "etcd/root-client", "etcd/master/server", "etcd/master/peer",
                "kubelet/master/client", "kubelet/master/server", "kubelet/node01/client", "kubelet/node01/server", "kubelet/node02/client", "kubelet/node02/server",
                "registry");
        assertThat(PkiFixtures.pki(state).resolve("sa.key")).exists();
        assertThat(PkiFixtures.pki(state).resolve("sa.pub")).exists();
        assertThat(bundle.changes()).extracting(PkiChange::outcome).containsOnly(PkiChange.Outcome.CREATED);
        assertThat(bundle.changes()).hasSize(26);
    }

    @ParameterizedTest(name = "{0}: CN={1} O={2} by {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            apiserver                | kube-apiserver                 | -                      | kubernetes-ca  | server
            apiserver-kubelet-client | kube-apiserver-kubelet-client  | kubeadm:cluster-admins | kubernetes-ca  | client
            apiserver-etcd-client    | kube-apiserver-etcd-client     | -                      | etcd-ca        | client
            front-proxy-client       | front-proxy-client             | -                      | front-proxy-ca | client
            admin                    | kubernetes-admin               | kubeadm:cluster-admins | kubernetes-ca  | client
            super-admin              | kubernetes-super-admin         | system:masters         | kubernetes-ca  | client
            controller-manager       | system:kube-controller-manager | -                      | kubernetes-ca  | client
            scheduler                | system:kube-scheduler          | -                      | kubernetes-ca  | client
            kube-proxy               | system:kube-proxy              | -                      | kubernetes-ca  | client
            flannel-etcd-client      | flannel                        | -                      | etcd-ca        | client
            etcd/healthcheck-client  | kube-etcd-healthcheck-client   | -                      | etcd-ca        | client
            etcd/root-client         | root                           | -                      | etcd-ca        | client
            etcd/master/server       | master                         | -                      | etcd-ca        | both
            etcd/master/peer         | master                         | -                      | etcd-ca        | both
            kubelet/node01/client    | system:node:node01             | system:nodes           | kubernetes-ca  | client
            kubelet/node02/client    | system:node:node02             | system:nodes           | kubernetes-ca  | client
            kubelet/node01/server    | system:node:node01             | -                      | kubernetes-ca  | server
            registry                 | registry                       | -                      | kubernetes-ca  | server
            """)
    void namesGroupsIssuerAndUsage(String name, String cn, String org, String issuer, String usage) throws Exception {
        X509Certificate c = cert(state, name);
        assertThat(c.getSubjectX500Principal()).isEqualTo(new X500Principal(org == null ? "CN=" + cn : "CN=" + cn + ",O=" + org));
        assertThat(c.getIssuerX500Principal()).isEqualTo(new X500Principal("CN=" + issuer));
        List<String> eku = c.getExtendedKeyUsage();
        switch (usage) {
            case "server" -> assertThat(eku).containsExactly(SERVER_AUTH);
            case "client" -> assertThat(eku).containsExactly(CLIENT_AUTH);
            default -> assertThat(eku).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
        }
        assertThat(c.getBasicConstraints()).as("CA:FALSE").isEqualTo(-1);
        boolean[] ku = c.getKeyUsage();
        assertThat(ku[0]).as("digitalSignature").isTrue();
        assertThat(ku[2]).as("keyEncipherment is for RSA keys only").isFalse();
        assertThat(ku[5]).as("keyCertSign").isFalse();
        assertThat(c.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(c.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) c.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withECDSA");
        X509Certificate ca = cert(state, issuer.equals("etcd-ca") ? "etcd/ca" : issuer.equals("front-proxy-ca") ? "front-proxy-ca" : "ca");
        assertThat(authorityKeyId(c)).as("AKI = issuer's SKI").isEqualTo(subjectKeyId(ca));
        assertThat(subjectKeyId(c)).isNotEmpty();
    }

    @Test
    void apiserverNamesEveryMasterTheServiceNamesAndTheFirstServiceIp() {
        assertThat(sans("apiserver")).containsExactlyInAnyOrder(
                "DNS:master", "IP:10.4.4.4",
                "DNS:kubernetes", "DNS:kubernetes.default", "DNS:kubernetes.default.svc",
                "DNS:kubernetes.default.svc.cluster.local",
                "IP:10.96.0.1", "IP:127.0.0.1", "DNS:localhost");
    }

    @Test
    void etcdMemberCertificatesNameTheMemberAndLoopback() {
        for (String kind : List.of("server", "peer")) {
            assertThat(sans("etcd/master/" + kind)).containsExactlyInAnyOrder(
                    "DNS:master", "IP:10.4.4.4", "DNS:localhost", "IP:127.0.0.1");
        }
    }

    @Test
    void kubeletServingAndRegistryNameTheirHost() {
        assertThat(sans("kubelet/node01/server")).containsExactlyInAnyOrder("DNS:node01", "IP:10.4.4.5");
        assertThat(sans("kubelet/node02/server")).containsExactlyInAnyOrder("DNS:node02", "IP:10.4.4.7");
        assertThat(sans("registry")).containsExactlyInAnyOrder("DNS:registry", "IP:10.4.4.8", "DNS:localhost", "IP:127.0.0.1");
        assertThat(sans("admin")).isEmpty();
    }

    @Test
    void caCertificatesAreSelfSignedCasWithCertSignUsage() throws Exception {
        for (String name : List.of("ca", "etcd/ca", "front-proxy-ca")) {
            X509Certificate ca = cert(state, name);
            assertThat(ca.getBasicConstraints()).as(name + " CA:TRUE").isGreaterThanOrEqualTo(0);
            assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
            boolean[] ku = ca.getKeyUsage();
            assertThat(ku[5]).as("keyCertSign").isTrue();
            assertThat(ku[6]).as("cRLSign").isTrue();
            assertThat(ca.getSubjectX500Principal()).isEqualTo(ca.getIssuerX500Principal());
            ca.verify(ca.getPublicKey());
            assertThat(subjectKeyId(ca)).isNotEmpty();
            assertThat(ca.getExtendedKeyUsage()).isNull();
        }
        assertThat(cert(state, "ca").getSubjectX500Principal()).isEqualTo(new X500Principal("CN=kubernetes-ca"));
        assertThat(cert(state, "etcd/ca").getSubjectX500Principal()).isEqualTo(new X500Principal("CN=etcd-ca"));
        assertThat(cert(state, "front-proxy-ca").getSubjectX500Principal()).isEqualTo(new X500Principal("CN=front-proxy-ca"));
    }

    @Test
    void casLastTenYearsAndLeavesOneYearBackdatedFiveMinutes() {
        X509Certificate ca = cert(state, "ca");
        X509Certificate leaf = cert(state, "apiserver");
        assertThat(ca.getNotBefore().toInstant()).isEqualTo(T0.minus(Duration.ofMinutes(5)));
        assertThat(ca.getNotAfter().toInstant()).isEqualTo(T0.plus(Duration.ofDays(3650)));
        assertThat(leaf.getNotBefore().toInstant()).isEqualTo(T0.minus(Duration.ofMinutes(5)));
        assertThat(leaf.getNotAfter().toInstant()).isEqualTo(T0.plus(Duration.ofDays(365)));
    }

    @Test
    void serialNumbersDiffer() {
        List<java.math.BigInteger> serials = new ArrayList<>();
        for (String name : bundle.certificateNames()) {
            serials.add(cert(state, name).getSerialNumber());
        }
        assertThat(serials).doesNotHaveDuplicates().allMatch(s -> s.signum() > 0 && s.bitLength() <= 160);
    }

    @Test
    void noRegistryCertificateWithoutTlsOrWithoutRegistry(@TempDir Path a, @TempDir Path b) {
        PkiBundle noTls = ClusterPki.standard().ensure(PkiFixtures.inventory(PkiFixtures.BLOG + "  registry:\n    tls: false\n"), a);
        assertThat(noTls.certificateNames()).doesNotContain("registry");
        String noRegistry = PkiFixtures.BLOG.replace("""
                  - name: registry
                    address: 10.4.4.8
                    roles: [registry]
                """, "") + "  registry:\n    enabled: false\n";
        PkiBundle none = ClusterPki.standard().ensure(PkiFixtures.inventory(noRegistry), b);
        assertThat(none.certificateNames()).doesNotContain("registry");
    }

    @Test
    void rsaKeysCarryKeyEnciphermentToo(@TempDir Path dir) {
        ClusterPki rsa = ClusterPki.with(PkiOptions.defaults().withKeyAlgorithm(KeyAlgorithm.RSA_2048));
        AppCertificate app = rsa.issueServing(PkiFixtures.blog(), dir, AppCertificateRequest.of("web"), java.util.Optional.empty());
        X509Certificate c = cert(app.certificate());
        assertThat(cert(app.caCertificate()).getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(c.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(c.getKeyUsage()[0]).isTrue();
        assertThat(c.getKeyUsage()[2]).isTrue();
        assertThat(PkiFixtures.openssl("verify", "-CAfile", app.caCertificate().toString(), "-purpose", "sslserver",
                app.certificate().toString()).output()).contains(": OK");
    }

    private static List<String> sans(String name) {
        try {
            var names = cert(state, name).getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            return names.stream().map(l -> ((Integer) l.get(0) == 2 ? "DNS:" : "IP:") + l.get(1)).toList();
        } catch (java.security.cert.CertificateParsingException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] subjectKeyId(X509Certificate c) {
        byte[] ext = c.getExtensionValue("2.5.29.14"); // OCTET STRING { OCTET STRING keyId }
        return ext == null ? new byte[0] : Arrays.copyOfRange(ext, 4, ext.length);
    }

    private static byte[] authorityKeyId(X509Certificate c) {
        byte[] ext = c.getExtensionValue("2.5.29.35"); // OCTET STRING { SEQUENCE { [0] keyId } }
        return ext == null ? new byte[0] : Arrays.copyOfRange(ext, 6, ext.length);
    }
}
