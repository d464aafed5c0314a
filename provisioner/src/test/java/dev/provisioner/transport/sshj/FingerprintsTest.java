package dev.provisioner.transport.sshj;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Our fingerprints must read exactly like {@code ssh-keygen -l}'s, which users compare them with. */
class FingerprintsTest {

    @Test
    void matchesSshKeygen(@TempDir Path dir) throws Exception {
        for (String type : new String[] {"ed25519", "ecdsa", "rsa"}) {
            Path key = dir.resolve(type);
            run("ssh-keygen", "-q", "-t", type, "-N", "", "-f", key.toString());
            String expected = run("ssh-keygen", "-l", "-E", "sha256", "-f", key + ".pub").split(" ")[1];
            String pub = Files.readString(Path.of(key + ".pub"));
            assertThat(Fingerprints.ofKnownHostsLine("host " + pub)).isEqualTo(expected);
            assertThat(Fingerprints.ofKnownHostsLine("@revoked host " + pub)).isEqualTo(expected);
        }
        assertThat(Fingerprints.ofKnownHostsLine("garbage")).contains("unreadable");
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
