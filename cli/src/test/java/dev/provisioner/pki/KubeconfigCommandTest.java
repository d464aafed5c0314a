package dev.provisioner.pki;

import dev.provisioner.cli.CertsCommand;
import dev.provisioner.cli.KubeconfigCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code provisioner kubeconfig} through picocli: the file is 0600, names the first master's endpoint, and its
 * client certificate verifies against the cluster CA with openssl (an independent X.509 implementation).
 */
class KubeconfigCommandTest {
    @TempDir
    Path dir;
    Path inventory;
    Path state;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void clusterWithPki() throws IOException {
        inventory = dir.resolve("blog.yaml");
        Files.writeString(inventory, PkiFixtures.BLOG);
        state = dir.resolve(".provisioner/blog");
    }

    @Test
    void writesAShortLivedAdminKubeconfigThatVerifiesAgainstTheClusterCa() throws Exception {
        assertThat(run(new CertsCommand(), "ensure", "-i", inventory.toString())).isZero();
        Path file = dir.resolve("out/admin.kubeconfig");
        int code = run(new KubeconfigCommand(), "-i", inventory.toString(), "-o", file.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("wrote " + file + " (0600): user kubernetes-admin, server https://10.4.4.4:6443");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");

        Map<String, Object> config = new Yaml().load(Files.readString(file));
        Map<?, ?> cluster = (Map<?, ?>) ((Map<?, ?>) ((List<?>) config.get("clusters")).get(0)).get("cluster");
        Map<?, ?> user = (Map<?, ?>) ((Map<?, ?>) ((List<?>) config.get("users")).get(0)).get("user");
        assertThat(cluster.get("server")).isEqualTo("https://10.4.4.4:6443");
        byte[] ca = Base64.getDecoder().decode((String) cluster.get("certificate-authority-data"));
        assertThat(new String(ca, StandardCharsets.US_ASCII)).isEqualTo(Files.readString(state.resolve("pki/ca.crt")));
        byte[] certPem = Base64.getDecoder().decode((String) user.get("client-certificate-data"));
        assertThat(Base64.getDecoder().decode((String) user.get("client-key-data"))).asString().contains("PRIVATE KEY");

        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certPem));
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=kubernetes-admin,O=kubeadm:cluster-admins");
        assertThat(cert.getNotAfter().toInstant()).isCloseTo(Instant.now().plus(Duration.ofHours(24)), within(Duration.ofMinutes(2)));
        Path certFile = dir.resolve("client.crt");
        Files.write(certFile, certPem);
        Process openssl = new ProcessBuilder("openssl", "verify", "-purpose", "sslclient", "-CAfile",
                state.resolve("pki/ca.crt").toString(), certFile.toString()).redirectErrorStream(true).start();
        String verdict = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor()).as(verdict).isZero();
        assertThat(verdict).contains(certFile + ": OK");
        // Nothing of the handed-out identity is kept in the state directory.
        assertThat(ClusterPki.standard().status(state)).noneMatch(s -> s.name().contains("kubernetes-admin"));
    }

    @Test
    void aNamedUserWithGroupsAndTtlAndAnotherServerToStandardOutput() throws Exception {
        run(new CertsCommand(), "ensure", "-i", inventory.toString());
        int code = run(new KubeconfigCommand(), "-i", inventory.toString(), "-o", "-", "--user", "jane",
                "--group", "dev,ops", "--ttl", "2h", "--server", "https://lb.example.net:443");
        assertThat(code).as(err.toString()).isZero();
        Map<String, Object> config = new Yaml().load(out.toString());
        assertThat(config.get("current-context")).isEqualTo("jane@blog");
        Map<?, ?> cluster = (Map<?, ?>) ((Map<?, ?>) ((List<?>) config.get("clusters")).get(0)).get("cluster");
        assertThat(cluster.get("server")).isEqualTo("https://lb.example.net:443");
        Map<?, ?> user = (Map<?, ?>) ((Map<?, ?>) ((List<?>) config.get("users")).get(0)).get("user");
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getDecoder().decode((String) user.get("client-certificate-data"))));
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=jane,O=ops,O=dev");
        assertThat(cert.getNotAfter().toInstant()).isCloseTo(Instant.now().plus(Duration.ofHours(2)), within(Duration.ofMinutes(2)));
    }

    @Test
    void refusesWithoutAClusterCaAndWritesNothing() {
        Path file = dir.resolve("admin.kubeconfig");
        int code = run(new KubeconfigCommand(), "-i", inventory.toString(), "-o", file.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("no cluster CA in " + state.resolve("pki"));
        assertThat(file).doesNotExist();
        assertThat(state.resolve("pki/ca.crt")).doesNotExist();
    }

    @Test
    void badOptionsAreUsageErrors() {
        run(new CertsCommand(), "ensure", "-i", inventory.toString());
        assertThat(run(new KubeconfigCommand(), "-i", inventory.toString(), "--ttl", "forever")).isEqualTo(2);
        assertThat(err.toString()).contains("'forever' is not a duration");
        assertThat(run(new KubeconfigCommand(), "-i", inventory.toString(), "--ttl", "400d")).isEqualTo(2);
        assertThat(err.toString()).contains("between 1 second and 365 days");
        assertThat(run(new KubeconfigCommand(), "-i", inventory.toString(), "--user", "a b")).isEqualTo(2);
        assertThat(run(new KubeconfigCommand(), "-i", inventory.toString(), "--server", "http://x:6443")).isEqualTo(2);
        assertThat(err.toString()).contains("--server must be an https:// URL");
    }

    private int run(Object command, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
