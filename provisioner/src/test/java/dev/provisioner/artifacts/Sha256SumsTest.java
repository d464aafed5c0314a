package dev.provisioner.artifacts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Sha256SumsTest {
    private static final String A = "a".repeat(64);
    private static final String B = "B".repeat(64);

    @Test
    void readsSha256sumOutputInTextAndBinaryMode() {
        Sha256Sums s = Sha256Sums.parse(List.of("# comment", "", A + "  etcd-v3.4.23-linux-amd64.tar.gz",
                B + " *./v1.34.0/linux/amd64/kubelet"), "t");
        assertThat(s.get("etcd-v3.4.23-linux-amd64.tar.gz")).contains(A);
        assertThat(s.get("v1.34.0/linux/amd64/kubelet")).contains("b".repeat(64));
        assertThat(s.get("./v1.34.0/linux/amd64/kubelet")).contains("b".repeat(64));
        assertThat(s.get("other")).isEmpty();
    }

    @Test
    void malformedLinesAreRefusedWithTheirNumber() {
        assertThatThrownBy(() -> Sha256Sums.parse(List.of(A + "  ok", "deadbeef  file"), "SUMS"))
                .isInstanceOf(ArtifactException.class).hasMessageContaining("SUMS line 2");
        assertThatThrownBy(() -> Sha256Sums.parse(List.of(A), "SUMS")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> Sha256Sums.parse(List.of(A + "  f", "c".repeat(64) + "  f"), "SUMS"))
                .hasMessageContaining("twice");
    }
}
