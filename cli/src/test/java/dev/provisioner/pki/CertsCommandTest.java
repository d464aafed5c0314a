package dev.provisioner.pki;

import dev.provisioner.cli.CertsCheckCommand;
import dev.provisioner.cli.CertsCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code provisioner certs check|ensure|issue} through picocli, output captured. */
class CertsCommandTest {
    @TempDir
    Path dir;
    Path inventory;
    Path defaultState;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void writeInventory() throws IOException {
        inventory = dir.resolve("blog.yaml");
        Files.writeString(inventory, PkiFixtures.BLOG);
        defaultState = dir.resolve(".provisioner/blog");
    }

    @Test
    void ensureWritesTheDefaultStateDirectoryNextToTheInventory() {
        int code = run(new CertsCommand(), "ensure", "-i", inventory.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(defaultState.resolve("pki/ca.crt")).exists();
        assertThat(out.toString()).contains("ca: created", "apiserver: created", "26 created, 0 reissued, 0 reused");
        assertThat(run(new CertsCommand(), "ensure", "-i", inventory.toString())).isZero();
        assertThat(out.toString()).contains("0 created, 0 reissued, 26 reused").doesNotContain(": reused");
    }

    @Test
    void checkPrintsATableAndExitsZeroWhenNothingExpired() {
        run(new CertsCommand(), "ensure", "-i", inventory.toString());
        int code = run(new CertsCommand(), "check", "-i", inventory.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("NAME +STATUS +EXPIRES \\(UTC\\) +DAYS +SUBJECT +SANS")
                .containsPattern("apiserver +OK +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +36[45] +CN=kube-apiserver +DNS:master,IP:10.4.4.4,")
                .containsPattern("kubelet/node01/client +OK .* CN=system:node:node01,O=system:nodes +-")
                .contains("25 certificates in " + defaultState.resolve("pki") + ": 25 OK, 0 EXPIRING, 0 EXPIRED");
    }

    @Test
    void checkExitsFourWhenACertificateExpiredAndWarnsAboutExpiringOnes() {
        run(new CertsCommand(), "ensure", "-i", inventory.toString());
        ClusterPki in340 = ClusterPki.with(PkiOptions.defaults().withClock(
                PkiFixtures.clockAt(java.time.Instant.now().plus(Duration.ofDays(340)))));
        assertThat(run(new CertsCheckCommand(in340), "--state", defaultState.toString())).isZero();
        assertThat(out.toString()).containsPattern("admin +EXPIRING").contains("22 EXPIRING");
        assertThat(err.toString()).contains("warning: 22 certificate(s) expire within 30 days");

        ClusterPki in400 = ClusterPki.with(PkiOptions.defaults().withClock(
                PkiFixtures.clockAt(java.time.Instant.now().plus(Duration.ofDays(400)))));
        assertThat(run(new CertsCheckCommand(in400), "--state", defaultState.toString())).isEqualTo(4);
        assertThat(out.toString()).containsPattern("admin +EXPIRED .* -3[56] ").contains("3 OK, 0 EXPIRING, 22 EXPIRED");
        assertThat(err.toString()).contains("error: 22 certificate(s) have expired");
    }

    @Test
    void checkWithoutCertificatesOrWithoutInventoryFails() {
        assertThat(run(new CertsCommand(), "check", "-i", inventory.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no certificates in " + defaultState.resolve("pki"));
        // Without -i the inventory is $PROVISIONER_INVENTORY, else ./inventory.yaml: here neither exists.
        assertThat(run(new CertsCommand(), "check")).isEqualTo(2);
        assertThat(err.toString()).contains("inventory.yaml").contains("the file does not exist");
    }

    @Test
    void anInvalidInventoryExitsTwo() throws IOException {
        Files.writeString(inventory, PkiFixtures.BLOG.replace("address: 10.4.4.4", "address: 10.4.4.999"));
        assertThat(run(new CertsCommand(), "ensure", "-i", inventory.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("blog.yaml");
    }

    @Test
    void issueWritesKeyAndCertificateAndPrintsTheSecretCommand() throws IOException {
        Path outDir = dir.resolve("tls");
        int code = run(new CertsCommand(), "issue", "--name", "my-nginx", "--san", "10.4.4.5,nginx.local", "-i",
                inventory.toString(), "--out", outDir.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("created my-nginx: certificate " + outDir.resolve("my-nginx.crt"),
                "SANs: DNS:my-nginx, DNS:my-nginx.default, DNS:my-nginx.default.svc, DNS:my-nginx.default.svc.cluster.local, IP:10.4.4.5, DNS:nginx.local",
                "signed by the cluster CA: " + defaultState.resolve("pki/ca.crt"),
                "kubectl create secret tls my-nginx-tls --cert=" + outDir.resolve("my-nginx.crt"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outDir.resolve("my-nginx.key")))).isEqualTo("rw-------");
        assertThat(run(new CertsCommand(), "issue", "--name", "my-nginx", "--san", "10.4.4.5,nginx.local", "-i",
                inventory.toString(), "--out", outDir.toString())).isZero();
        assertThat(out.toString()).startsWith("reused my-nginx");
    }

    @Test
    void issueRefusesABadName() {
        assertThat(run(new CertsCommand(), "issue", "--name", "Bad_Name", "-i", inventory.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("must be a lower-case DNS name");
    }

    @Test
    void theStateOptionOverridesTheDefault() {
        Path custom = dir.resolve("elsewhere");
        assertThat(run(new CertsCommand(), "ensure", "-i", inventory.toString(), "--state", custom.toString())).isZero();
        assertThat(custom.resolve("pki/apiserver.crt")).exists();
        assertThat(defaultState).doesNotExist();
        assertThat(run(new CertsCommand(), "check", "--state", custom.toString())).isZero();
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
