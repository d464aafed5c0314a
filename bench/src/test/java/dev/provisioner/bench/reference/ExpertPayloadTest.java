package dev.provisioner.bench.reference;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpertPayloadTest {
    @Test
    void quotingKeepsEveryCharacterAndExpandsNothing() throws Exception {
        String nasty = "a'b\\c\n\t$HOME `id` $(id) \"q\" \u0001 ü\n\n";
        // bash prints the variable back byte for byte
        Process p = new ProcessBuilder("bash", "-c", "v=" + ExpertPayload.quote(nasty) + "; printf '%s' \"$v\"").start();
        String echoed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(echoed).isEqualTo(nasty);
    }

    @Test
    void theHostsFileBecomesTheBlockAndEveryOtherFileAWantEntryBeforeTheScript() {
        String payload = new String(ExpertPayload.of(Map.of("/etc/hosts", "# BEGIN x\n# END x\n", "/etc/bench/a.env",
                "A=1\n"), "echo script\n"), StandardCharsets.UTF_8);
        assertThat(payload).isEqualTo("declare -A want=(\n  [$'/etc/bench/a.env']=$'A=1\\n'\n)\n"
                + "block=$'# BEGIN x\\n# END x\\n'\necho script\n");
    }

    @Test
    void withoutTheHostsFileItSaysWhatIsMissing() {
        assertThatThrownBy(() -> ExpertPayload.of(Map.of("/etc/bench/a.env", "A=1\n"), ""))
                .hasMessageContaining("/etc/hosts").hasMessageContaining("/etc/bench/a.env");
    }
}
