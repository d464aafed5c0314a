package dev.provisioner.transport;

import dev.provisioner.Secret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskerTest {

    @Test
    void masksEveryRegisteredValueLongestFirstAndIgnoresTinyOnes() {
        SecretMasker m = new SecretMasker();
        m.register(Secret.of("hunter2"));
        m.register("hunter2-long");
        m.register("ab");
        m.register((Secret) null);
        assertThat(m.mask("pw=hunter2-long and hunter2, ab")).isEqualTo("pw=****** and ******, ab");
        assertThat(m.mask((String) null)).isNull();
        assertThat(Secret.of("hunter2").toString()).doesNotContain("hunter2");
    }

    @Test
    void masksBytesAndLeavesEverythingElseUntouched() {
        SecretMasker m = new SecretMasker();
        assertThat(m.isEmpty()).isTrue();
        byte[] plain = {0, 1, 2};
        assertThat(m.mask(plain)).isSameAs(plain);
        m.register("pässwörd");
        byte[] data = "x\u0000pässwörd\nyyy pässwörd".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(m.mask(data), StandardCharsets.UTF_8)).isEqualTo("x\u0000******\nyyy ******");
        byte[] binary = {(byte) 0xff, 0, (byte) 0x80, 'p'};
        assertThat(m.mask(binary)).isSameAs(binary);
    }
}
