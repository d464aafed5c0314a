package dev.provisioner.pki;

import dev.provisioner.pki.PkiChange.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code certs issue}: the Services document's nginx certificate, from the cluster CA. */
class AppCertificateTest {
    @TempDir
    Path state;
    @TempDir
    Path out;

    @Test
    void myNginxGetsTheServiceNamesAndVerifiesAgainstTheClusterCa() throws IOException {
        AppCertificate cert = ClusterPki.standard().issueServing(PkiFixtures.blog(), state,
                new AppCertificateRequest("my-nginx", "default", List.of("10.4.4.5", "nginx.example.com")), Optional.empty());
        assertThat(cert.change()).isEqualTo(new PkiChange("apps/my-nginx", Outcome.CREATED, ""));
        assertThat(cert.certificate()).isEqualTo(PkiFixtures.pki(state).resolve("apps/my-nginx.crt"));
        assertThat(cert.privateKey()).isEqualTo(PkiFixtures.pki(state).resolve("apps/my-nginx.key"));
        assertThat(cert.caCertificate()).isEqualTo(PkiFixtures.pki(state).resolve("ca.crt"));
        assertThat(cert.sans()).containsExactly("DNS:my-nginx", "DNS:my-nginx.default", "DNS:my-nginx.default.svc",
                "DNS:my-nginx.default.svc.cluster.local", "IP:10.4.4.5", "DNS:nginx.example.com");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cert.privateKey()))).isEqualTo("rw-------");
        assertThat(PkiFixtures.cert(cert.certificate()).getSubjectX500Principal().getName()).isEqualTo("CN=my-nginx");
        PkiFixtures.Run verify = PkiFixtures.openssl("verify", "-CAfile", cert.caCertificate().toString(), "-purpose", "sslserver",
                cert.certificate().toString());
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(PkiFixtures.openssl("x509", "-in", cert.certificate().toString(), "-noout", "-checkhost", "my-nginx").output())
                .contains("does match certificate");
    }

    @Test
    void runningAgainReusesAndANewNameReissuesWithTheSameKey() throws IOException {
        ClusterPki pki = ClusterPki.standard();
        AppCertificate first = pki.issueServing(PkiFixtures.blog(), state, AppCertificateRequest.of("my-nginx"), Optional.empty());
        String crt = Files.readString(first.certificate());
        String key = Files.readString(first.privateKey());
        AppCertificate again = pki.issueServing(PkiFixtures.blog(), state, AppCertificateRequest.of("my-nginx"), Optional.empty());
        assertThat(again.change().outcome()).isEqualTo(Outcome.REUSED);
        assertThat(Files.readString(again.certificate())).isEqualTo(crt);
        AppCertificate more = pki.issueServing(PkiFixtures.blog(), state,
                new AppCertificateRequest("my-nginx", "default", List.of("10.4.4.7")), Optional.empty());
        assertThat(more.change()).isEqualTo(new PkiChange("apps/my-nginx", Outcome.REISSUED, "SANs changed: +IP:10.4.4.7"));
        assertThat(Files.readString(more.privateKey())).isEqualTo(key);
    }

    @Test
    void anOutputFolderGetsNameDotKeyAndNameDotCrtAndTheCaIsSharedWithEnsure() {
        AppCertificate cert = ClusterPki.standard().issueServing(PkiFixtures.blog(), state,
                new AppCertificateRequest("web", "shop", List.of()), Optional.of(out.resolve("tls")));
        assertThat(cert.certificate()).isEqualTo(out.resolve("tls/web.crt"));
        assertThat(cert.privateKey()).isEqualTo(out.resolve("tls/web.key"));
        assertThat(cert.sans()).contains("DNS:web.shop.svc.cluster.local");
        assertThat(cert.change().name()).isEqualTo("web");
        PkiBundle bundle = ClusterPki.standard().ensure(PkiFixtures.blog(), state);
        assertThat(bundle.changes()).contains(new PkiChange("ca", Outcome.REUSED, ""));
        assertThat(PkiFixtures.openssl("verify", "-CAfile", cert.caCertificate().toString(), cert.certificate().toString()).exit())
                .isZero();
    }

    @Test
    void anExistingOutputFolderKeepsItsMode() throws IOException {
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        ClusterPki.standard().issueServing(PkiFixtures.blog(), state, AppCertificateRequest.of("web"), Optional.of(out));
        ClusterPki.standard().issueServing(PkiFixtures.blog(), state, AppCertificateRequest.of("web"), Optional.of(out));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("web.crt")))).isEqualTo("rw-r--r--");
    }

    @Test
    void badNamesAreRefused() {
        assertThatThrownBy(() -> AppCertificateRequest.of("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AppCertificateRequest.of("My_Nginx")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppCertificateRequest("ok", "Bad NS", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppCertificateRequest("ok", "default", List.of("a b"))).isInstanceOf(IllegalArgumentException.class);
    }
}
