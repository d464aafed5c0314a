package dev.provisioner.transport.sshj;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.provisioner.testsupport.FuzzBounds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of known_hosts handling (docs/reliability.md): whatever a known_hosts file
 * holds, a look-up ends in a verdict or an {@link IOException}, and it says MATCH only when the file
 * really holds the presented key: a garbled file can never let an unknown key in.
 */
class KnownHostsFuzzTest {
    private static final PublicKey KEY = ecKey();
    private static final String KEY_BASE64 = Base64.getEncoder().encodeToString(Fingerprints.blob(KEY));

    private static PublicKey ecKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "3m")
    void anyKnownHostsFileGivesAnHonestVerdict(byte[] input) {
        FuzzBounds.within(() -> {
            Path dir = Files.createTempDirectory("known-hosts-fuzz");
            Path file = Files.write(dir.resolve("known_hosts"), input);
            try {
                KnownHostsStore store = new KnownHostsStore(file);
                for (int port : new int[]{22, 2222}) {
                    try {
                        KnownHostsStore.Lookup lookup = store.lookup("node1", port, KEY);
                        if (lookup.verdict() == KnownHostsStore.Verdict.MATCH) {
                            assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)).contains(KEY_BASE64);
                        }
                    } catch (IOException expected) {
                        assertThat(expected.getMessage()).isNotNull();
                    }
                    assertThat(store.knownAlgorithms("node1", port)).isNotNull();
                }
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        });
    }
}
