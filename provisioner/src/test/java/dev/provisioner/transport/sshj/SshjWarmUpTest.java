package dev.provisioner.transport.sshj;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm-up runs every step it names (a library upgrade that renames a cipher or breaks an API would fail here). */
class SshjWarmUpTest {
    @Test
    void everyStepOfTheWarmUpRunsWithThrowawayKeys() {
        assertThat(SshjWarmUp.run()).isTrue();
        assertThat(SshjWarmUp.run()).as("a second warm-up changes nothing and runs again").isTrue();
    }
}
