package dev.provisioner.transport;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The edges of masking: the shortest secret masked, a secret at the very start of the bytes, the bytes after it. */
class SecretMaskerEdgesTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void threeCharactersAreTheShortestSecretMasked() {
        SecretMasker m = new SecretMasker();
        assertThat(m.isEmpty()).isTrue();
        m.register("ab");
        assertThat(m.isEmpty()).isTrue();
        m.register("abc");
        assertThat(m.isEmpty()).isFalse();
        assertThat(m.mask("xabcx ab")).isEqualTo("x******x ab");
    }

    @Test
    void bytesAreMaskedAtTheStartAndKeepWhatFollows() {
        SecretMasker m = new SecretMasker();
        m.register("s3cret");
        assertThat(new String(m.mask(bytes("s3cret tail")), StandardCharsets.UTF_8)).isEqualTo("****** tail");
        assertThat(new String(m.mask(bytes("s3crets3cret!")), StandardCharsets.UTF_8)).isEqualTo("************!");
        byte[] clean = bytes("nothing here");
        assertThat(m.mask(clean)).isSameAs(clean);
    }
}
