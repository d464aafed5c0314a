package dev.provisioner.transport.jsch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static dev.provisioner.transport.jsch.HostKeyVerdict.Status.CHANGED;
import static dev.provisioner.transport.jsch.HostKeyVerdict.Status.KNOWN;
import static dev.provisioner.transport.jsch.HostKeyVerdict.Status.REVOKED;
import static dev.provisioner.transport.jsch.HostKeyVerdict.Status.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

/** known_hosts parsing and matching as OpenSSH does it, and accept-new recording under contention. */
class KnownHostsFileTest {
    private static final Random RANDOM = new Random(1);

    @TempDir
    Path dir;

    private static byte[] blob(String type) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[32];
        RANDOM.nextBytes(body);
        return ByteBuffer.allocate(4 + name.length + body.length).putInt(name.length).put(name).put(body).array();
    }

    private static String line(String hosts, byte[] key) {
        return hosts + " " + HostKeys.type(key) + " " + Base64.getEncoder().encodeToString(key) + "\n";
    }

    private KnownHostsFile file(String content) throws Exception {
        Path f = dir.resolve("known_hosts");
        Files.writeString(f, content);
        return new KnownHostsFile(f);
    }

    @Test
    void knownUnknownAndChangedKeysOfTheSameType() throws Exception {
        byte[] ed = blob("ssh-ed25519");
        byte[] other = blob("ssh-ed25519");
        KnownHostsFile kh = file("# comment\n\ngarbage\n" + line("10.0.0.1,web1", ed));
        assertThat(kh.check("10.0.0.1", ed).status()).isEqualTo(KNOWN);
        assertThat(kh.check("web1", ed).status()).isEqualTo(KNOWN);
        assertThat(kh.check("10.0.0.2", ed).status()).isEqualTo(UNKNOWN);
        assertThat(kh.check("[10.0.0.1]:2222", ed).status()).isEqualTo(UNKNOWN);
        HostKeyVerdict changed = kh.check("10.0.0.1", other);
        assertThat(changed.status()).isEqualTo(CHANGED);
        assertThat(changed.expected()).containsExactly("ssh-ed25519 " + HostKeys.fingerprint(ed));
    }

    @Test
    void aHostOfferingOnlyAnUnrecordedKeyTypeCountsAsChanged() throws Exception {
        byte[] ed = blob("ssh-ed25519");
        byte[] ecdsa = blob("ecdsa-sha2-nistp256");
        KnownHostsFile kh = file(line("h", ed));
        HostKeyVerdict v = kh.check("h", ecdsa);
        assertThat(v.status()).isEqualTo(CHANGED);
        assertThat(v.expected()).containsExactly("ssh-ed25519 " + HostKeys.fingerprint(ed));
    }

    @Test
    void hashedWildcardAndNegatedPatterns() throws Exception {
        byte[] k = blob("ssh-ed25519");
        byte[] salt = new byte[20];
        RANDOM.nextBytes(salt);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        String hashed = "|1|" + Base64.getEncoder().encodeToString(salt) + "|"
                + Base64.getEncoder().encodeToString(mac.doFinal("[10.1.1.1]:2222".getBytes(StandardCharsets.UTF_8)));
        KnownHostsFile kh = file(line(hashed, k) + line("!bad.example.com,*.EXAMPLE.com", k) + line("node-??", k));
        assertThat(kh.check("[10.1.1.1]:2222", k).status()).isEqualTo(KNOWN);
        assertThat(kh.check("10.1.1.1", k).status()).isEqualTo(UNKNOWN);
        assertThat(kh.check("a.example.com", k).status()).isEqualTo(KNOWN);
        assertThat(kh.check("bad.example.com", k).status()).isEqualTo(UNKNOWN);
        assertThat(kh.check("node-07", k).status()).isEqualTo(KNOWN);
        assertThat(kh.check("node-7", k).status()).isEqualTo(UNKNOWN);
    }

    @Test
    void revokedKeysAreRefusedAndCertificateAuthoritiesIgnored() throws Exception {
        byte[] k = blob("ssh-ed25519");
        KnownHostsFile kh = file(line("h", k) + "@revoked * " + line("", k).strip() + "\n"
                + "@cert-authority * " + line("", blob("ssh-ed25519")).strip() + "\n");
        assertThat(kh.check("h", k).status()).isEqualTo(REVOKED);
        assertThat(kh.keysFor("h")).hasSize(1);
    }

    @Test
    void concurrentRecordingOfANewHostWritesOneLine() throws Exception {
        Path f = dir.resolve("sub/dir/known_hosts");
        byte[] k = blob("ssh-ed25519");
        KnownHostsFile shared = new KnownHostsFile(f);
        KnownHostsFile second = new KnownHostsFile(f); // another transport on the same file
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<HostKeyVerdict>> all = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                KnownHostsFile kh = i % 2 == 0 ? shared : second;
                all.add(CompletableFuture.supplyAsync(() -> kh.recordIfUnknown("[h]:2222", k), pool));
            }
            long recorded = all.stream().map(CompletableFuture::join).filter(v -> v.status() == UNKNOWN).count();
            assertThat(recorded).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(Files.readAllLines(f)).containsExactly(line("[h]:2222", k).strip());
        assertThat(shared.check("[h]:2222", k).status()).isEqualTo(KNOWN);
    }

    @Test
    void recordingKeepsExistingContentAndAddsAMissingNewline() throws Exception {
        byte[] a = blob("ssh-ed25519");
        byte[] b = blob("ecdsa-sha2-nistp256");
        KnownHostsFile kh = file(line("a", a).strip());
        assertThat(kh.recordIfUnknown("b", b).status()).isEqualTo(UNKNOWN);
        assertThat(Files.readString(dir.resolve("known_hosts"))).isEqualTo(line("a", a) + line("b", b));
    }
}
