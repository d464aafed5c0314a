package dev.provisioner.pki;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ClusterPki#issueClient}: a short-lived client certificate from the cluster CA, kept in memory only. */
class ClientCertificateIssueTest {
    @TempDir
    Path state;

    @Test
    void theCertificateNamesTheUserAndGroupsExpiresAfterItsTtlAndIsSignedByTheClusterCa() throws Exception {
        ClusterPki pki = PkiFixtures.pkiAt(PkiFixtures.T0);
        pki.ensure(PkiFixtures.blog(), state);
        Map<String, String> before = PkiFixtures.snapshot(state);

        ClientCertificate issued = pki.issueClient(state,
                new ClientCertificateRequest("alice", List.of("dev", "ops"), Duration.ofHours(3)));

        assertThat(PkiFixtures.snapshot(state)).as("nothing is written to the state directory").isEqualTo(before);
        Credential credential = issued.credential();
        assertThat(credential.name()).isEqualTo("client-alice");
        X509Certificate cert = Pem.readCertificate(credential.certificatePem(), "client");
        X509Certificate ca = PkiFixtures.cert(state, PkiNames.CA);
        assertThat(CertificateFacts.commonName(cert)).isEqualTo("alice");
        assertThat(CertificateFacts.organizations(cert)).containsExactly("dev", "ops");
        assertThat(CertificateFacts.clientAuth(cert)).isTrue();
        assertThat(CertificateFacts.serverAuth(cert)).isFalse();
        assertThat(CertificateFacts.isCa(cert)).isFalse();
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(PkiFixtures.T0.plus(Duration.ofHours(3)));
        assertThat(issued.notAfter()).isEqualTo(PkiFixtures.T0.plus(Duration.ofHours(3)));
        cert.verify(ca.getPublicKey());
        assertThat(KeyPairs.matches(Pem.readPrivateKey(credential.privateKeyPem(), "client.key"), cert.getPublicKey())).isTrue();
        assertThat(issued.caPem()).isEqualTo(Files.readAllBytes(PkiFixtures.pki(state).resolve("ca.crt")));
    }

    @Test
    void eachIssueHasItsOwnKey() {
        ClusterPki pki = ClusterPki.standard();
        pki.ensure(PkiFixtures.blog(), state);
        ClientCertificateRequest admin = ClientCertificateRequest.admin(Duration.ofHours(1));
        assertThat(pki.issueClient(state, admin).credential().privateKeyPem())
                .isNotEqualTo(pki.issueClient(state, admin).credential().privateKeyPem());
    }

    @Test
    void withoutAClusterCaNothingIsIssued() {
        Path pkiDir = state.resolve("pki");
        assertThatThrownBy(() -> ClusterPki.standard().issueClient(state, ClientCertificateRequest.admin(Duration.ofHours(1))))
                .isInstanceOf(PkiException.class)
                .hasMessage("no cluster CA in " + pkiDir + ": apply the inventory first (or give --state the cluster's state directory)");
        assertThat(pkiDir).doesNotExist();
    }

    @Test
    void aKubeconfigIsWrittenOwnerOnlyInNewOwnerOnlyFolders() throws IOException {
        Path file = state.resolve("out/kube/admin.conf");
        ClientCertificate.writePrivate(file, "secret".getBytes(StandardCharsets.US_ASCII));
        assertThat(file).hasContent("secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        ClientCertificate.writePrivate(file, "again".getBytes(StandardCharsets.US_ASCII));
        assertThat(file).hasContent("again");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("admin.conf");
        }
    }
}
