package dev.provisioner.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Counters of two runs add up field by field. */
class HostCountersTest {
    @Test
    void plusAddsEachField() {
        HostCounters a = new HostCounters(1, 20, 300, 4000);
        HostCounters b = new HostCounters(5, 60, 700, 8000);
        assertThat(a.plus(b)).isEqualTo(new HostCounters(6, 80, 1000, 12000));
        assertThat(HostCounters.ZERO.plus(a)).isEqualTo(a);
    }
}
