package dev.provisioner.pki;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link CaRotation#concat}: two PEM certificates in one trust bundle, never run together on one line. */
class TrustBundleConcatTest {
    @Test
    void aFirstPemEndingInANewlineIsFollowedDirectly() {
        assertThat(text(CaRotation.concat(ascii("A\n"), ascii("B\n")))).isEqualTo("A\nB\n");
    }

    @Test
    void aFirstPemWithoutTheFinalNewlineGetsOne() {
        assertThat(text(CaRotation.concat(ascii("AAA"), ascii("BB")))).isEqualTo("AAA\nBB");
    }

    @Test
    void anEmptyFirstPartAddsNothing() {
        assertThat(text(CaRotation.concat(new byte[0], ascii("B\n")))).isEqualTo("B\n");
        assertThat(text(CaRotation.concat(ascii("A"), new byte[0]))).isEqualTo("A\n");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
