package dev.provisioner.pki;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ambiguous states are refused with a message that says what to do, and nothing is written. */
class RefusalTest {
    @TempDir
    Path state;
    @TempDir
    Path other;
    Path pki;

    @BeforeEach
    void ensure() {
        ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        pki = PkiFixtures.pki(state);
    }

    @Test
    void aMissingCaWithExistingLeavesIsAnError() throws IOException {
        Files.delete(pki.resolve("ca.crt"));
        Files.delete(pki.resolve("ca.key"));
        assertRefused("the kubernetes-ca CA (" + pki.resolve("ca.crt") + ") is missing, but certificates it issued exist: apiserver,",
                "Restore ca.crt and ca.key from a backup");
        assertThat(pki.resolve("ca.crt")).doesNotExist();
    }

    @Test
    void aMissingEtcdCaWithExistingLeavesIsAnError() throws IOException {
        Files.delete(pki.resolve("etcd/ca.crt"));
        Files.delete(pki.resolve("etcd/ca.key"));
        assertRefused("the etcd-ca CA", "etcd/master/server");
    }

    @Test
    void aMissingCaWithOnlyAnAppCertificateLeftIsAnErrorToo() throws IOException {
        ClusterPki.standard().issueServing(PkiFixtures.blog(), other, AppCertificateRequest.of("my-nginx"), java.util.Optional.empty());
        Files.delete(PkiFixtures.pki(other).resolve("ca.crt"));
        Files.delete(PkiFixtures.pki(other).resolve("ca.key"));
        assertThatThrownBy(() -> ClusterPki.standard().ensure(PkiFixtures.blog(), other))
                .isInstanceOf(PkiException.class).hasMessageContaining("apps/my-nginx");
    }

    @Test
    void aCaKeyThatDoesNotMatchItsCertificateIsAnError() throws IOException {
        ClusterPki.standard().ensure(PkiFixtures.blog(), other);
        Files.copy(PkiFixtures.pki(other).resolve("ca.key"), pki.resolve("ca.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRefused("the CA key " + pki.resolve("ca.key") + " does not match its certificate");
    }

    @Test
    void aCaCertificateWithoutItsKeyIsAnError() throws IOException {
        Files.delete(pki.resolve("front-proxy-ca.key"));
        assertRefused("the front-proxy-ca CA is incomplete", "a CA is never regenerated automatically");
    }

    @Test
    void aLeafKeyThatDoesNotMatchItsCertificateIsAnError() throws IOException {
        Files.copy(pki.resolve("scheduler.key"), pki.resolve("admin.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRefused("the key " + pki.resolve("admin.key") + " does not match its certificate", "Delete both files");
    }

    @Test
    void aLeafFromAnotherCaIsAnError() throws IOException {
        ClusterPki.standard().ensure(PkiFixtures.blog(), other);
        for (String f : new String[] {"admin.crt", "admin.key"}) {
            Files.copy(PkiFixtures.pki(other).resolve(f), pki.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertRefused(pki.resolve("admin.crt") + " was not issued by the current kubernetes-ca CA");
    }

    @Test
    void aLostServiceAccountKeyIsNotReplacedSilently() throws IOException {
        Files.delete(pki.resolve("sa.key"));
        assertRefused("sa.key is missing but", "would invalidate every service-account token");
    }

    @Test
    void anExpiredCaIsAnError() {
        ClusterPki later = PkiFixtures.pkiAt(java.time.Instant.now().plus(java.time.Duration.ofDays(3651)));
        assertThatThrownBy(() -> later.ensure(PkiFixtures.blog(), state))
                .isInstanceOf(PkiException.class).hasMessageContaining("CA " + pki.resolve("ca.crt") + " expired on");
    }

    @Test
    void garbageInAKeyFileIsAnError() throws IOException {
        Files.writeString(pki.resolve("admin.key"), "not a key\n");
        assertRefused(pki.resolve("admin.key") + " is not PEM");
    }

    private void assertRefused(String... messageParts) {
        Map<String, String> before = PkiFixtures.snapshot(pki);
        assertThatThrownBy(() -> ClusterPki.standard().ensure(PkiFixtures.blog(), state))
                .isInstanceOf(PkiException.class)
                .hasMessageContainingAll(messageParts);
        assertThat(PkiFixtures.snapshot(pki)).as("nothing written").isEqualTo(before);
    }
}
