package dev.provisioner.transport.jsch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
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

import static dev.provisioner.transport.jsch.HostKeyVerdict.Status.CHANGED;
import static dev.provisioner.transport.jsch.HostKeyVerdict.Status.KNOWN;
import static dev.provisioner.transport.jsch.HostKeyVerdict.Status.REVOKED;
import static dev.provisioner.transport.jsch.HostKeyVerdict.Status.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the backend adds on top of JSch's known_hosts parsing: the verdicts (changed keys with their
 * fingerprints, other key types, markers) and accept-new recording under contention.
 */
class KnownHostsFileTest {
    private final Random random = new Random(1);

    @TempDir
    Path dir;

    private byte[] blob(String type) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[32];
        random.nextBytes(body);
        return ByteBuffer.allocate(4 + name.length + body.length).putInt(name.length).put(name).put(body).array();
    }

    private static String line(String hosts, String type, byte[] key) {
        return hosts + " " + type + " " + Base64.getEncoder().encodeToString(key) + "\n";
    }

    private static String ed(String hosts, byte[] key) {
        return line(hosts, "ssh-ed25519", key);
    }

    private KnownHostsFile file(String content) throws Exception {
        Path f = dir.resolve("known_hosts");
        Files.writeString(f, content);
        return new KnownHostsFile(f);
    }

    @Test
    void knownUnknownAndChangedKeysOfTheSameType() throws Exception {
        byte[] key = blob("ssh-ed25519");
        byte[] other = blob("ssh-ed25519");
        KnownHostsFile kh = file("# comment\n\ngarbage\n" + ed("10.0.0.1,web1", key));
        assertThat(kh.check("10.0.0.1", key).status()).isEqualTo(KNOWN);
        assertThat(kh.check("web1", key).status()).isEqualTo(KNOWN);
        assertThat(kh.check("10.0.0.2", key).status()).isEqualTo(UNKNOWN);
        HostKeyVerdict changed = kh.check("10.0.0.1", other);
        assertThat(changed.status()).isEqualTo(CHANGED);
        assertThat(changed.expected()).containsExactly("ssh-ed25519 " + HostKeys.fingerprint(key));
    }

    @Test
    void aHostOfferingOnlyAnUnrecordedKeyTypeCountsAsChanged() throws Exception {
        byte[] key = blob("ssh-ed25519");
        KnownHostsFile kh = file(ed("h", key));
        HostKeyVerdict v = kh.check("h", blob("ecdsa-sha2-nistp256"));
        assertThat(v.status()).isEqualTo(CHANGED);
        assertThat(v.expected()).containsExactly("ssh-ed25519 " + HostKeys.fingerprint(key));
    }

    @Test
    void revokedKeysAreRefusedAndCertificateAuthoritiesIgnored() throws Exception {
        byte[] revoked = blob("ssh-ed25519");
        byte[] fine = blob("ssh-ed25519");
        KnownHostsFile kh = file(ed("h", revoked) + "@revoked * " + ed("", revoked).strip() + "\n"
                + "@cert-authority g " + ed("", blob("ssh-ed25519")).strip() + "\n");
        assertThat(kh.check("h", revoked).status()).isEqualTo(REVOKED);
        assertThat(kh.check("g", fine).status()).isEqualTo(UNKNOWN);
        assertThat(kh.keysFor("h")).hasSize(1);
        assertThat(kh.keysFor("g")).isEmpty();
    }

    @Test
    void concurrentRecordingOfANewHostWritesOneLine() throws Exception {
        Path f = dir.resolve("sub/dir/known_hosts");
        byte[] key = blob("ssh-ed25519");
        KnownHostsFile shared = new KnownHostsFile(f);
        KnownHostsFile second = new KnownHostsFile(f); // another transport on the same file
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<HostKeyVerdict>> all = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                KnownHostsFile kh = i % 2 == 0 ? shared : second;
                all.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return kh.recordIfUnknown("[h]:2222", key);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, pool));
            }
            long recorded = all.stream().map(CompletableFuture::join).filter(v -> v.status() == UNKNOWN).count();
            assertThat(recorded).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(Files.readAllLines(f)).containsExactly(ed("[h]:2222", key).strip());
        assertThat(shared.check("[h]:2222", key).status()).isEqualTo(KNOWN);
    }

    @Test
    void recordingKeepsExistingContentAndAddsAMissingNewline() throws Exception {
        byte[] a = blob("ssh-ed25519");
        byte[] b = blob("ecdsa-sha2-nistp256");
        KnownHostsFile kh = file(ed("a", a).strip());
        assertThat(kh.recordIfUnknown("b", b).status()).isEqualTo(UNKNOWN);
        assertThat(Files.readString(dir.resolve("known_hosts"))).isEqualTo(ed("a", a) + line("b", "ecdsa-sha2-nistp256", b));
    }
}
