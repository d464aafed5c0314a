package dev.provisioner.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchLabTest {
    private static final String A = "0123456789abcdef".repeat(4);
    private static final String B = "fedcba9876543210".repeat(4);

    @Test
    void dockerInspectLinesGiveContainerIdsInHostOrder() {
        assertThat(BenchLab.parseInspect("/provisioner-bench-master " + A + "\n/provisioner-bench-node01 " + B + "\n"))
                .containsExactly(java.util.Map.entry("provisioner-bench-master", A),
                        java.util.Map.entry("provisioner-bench-node01", B));
    }

    @Test
    void anythingElseIsAnErrorQuotingTheLine() {
        assertThatThrownBy(() -> BenchLab.parseInspect("Error: No such object: provisioner-bench-node07"))
                .isInstanceOf(BenchException.class).hasMessageContaining("No such object");
    }
}
