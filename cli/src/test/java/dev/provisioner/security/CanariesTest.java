package dev.provisioner.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The canary search finds a secret in every form that gives it away, and nothing else. */
class CanariesTest {
    private final Canaries canaries = Canaries.of(Map.of("sudo", "CanarySudo-0123456789abcdef01"));

    @Test
    void findsThePlainValueWithItsContext() {
        assertThat(canaries.leaksIn("line 1\npassword=CanarySudo-0123456789abcdef01 end")).singleElement()
                .satisfies(l -> assertThat(l).startsWith("sudo (plain) at 16: ...line 1\\npassword="));
        assertThat(canaries.leaksIn("password=****** CanarySudo-0123456789abcdef0")).as("a shorter prefix is no leak").isEmpty();
    }

    @Test
    void findsItsBase64InsideLargerBase64AtEveryOffsetAndItsHex() {
        for (String prefix : new String[] {"", "u:", "ab:", "user:", "Basic header x"}) {
            byte[] data = (prefix + "CanarySudo-0123456789abcdef01" + "\ntrailer").getBytes(StandardCharsets.UTF_8);
            assertThat(canaries.leaksIn("auth: " + Base64.getEncoder().encodeToString(data))).as(prefix).isNotEmpty();
            assertThat(canaries.leaksIn(Base64.getUrlEncoder().encodeToString(data))).as(prefix).isNotEmpty();
        }
        String hex = HexFormat.of().formatHex("CanarySudo-0123456789abcdef01".getBytes(StandardCharsets.UTF_8));
        assertThat(canaries.leaksIn("dump " + hex)).singleElement().satisfies(l -> assertThat(l).startsWith("sudo (hex)"));
    }

    @Test
    void ignoresUnrelatedTextAndUnrelatedBase64() {
        String other = Base64.getEncoder().encodeToString("user:CanaryOther-0123456789abcdef01".getBytes(StandardCharsets.UTF_8));
        assertThat(canaries.leaksIn("sudo -S -p '[provisioner-sudo]' -- sh -c 'x' " + other)).isEmpty();
    }

    @Test
    void generatesDistinctValuesAndAPatternFile() {
        Canaries fresh = Canaries.generate("Sudo", "Pass");
        assertThat(fresh.get("Sudo")).startsWith("CanarySudo-").hasSize("CanarySudo-".length() + 18).isNotEqualTo(fresh.get("Pass"));
        assertThat(fresh.patternLines()).isEqualTo(fresh.get("Sudo") + "\n" + fresh.get("Pass") + "\n");
    }
}
