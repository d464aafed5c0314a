package dev.provisioner.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatsTest {
    @Test
    void oddCountTakesTheMiddleValue() {
        Stats s = Stats.of(List.of(3.0, 1.0, 2.0));
        assertThat(s).isEqualTo(new Stats(2.0, 1.0, 3.0, 3));
    }

    @Test
    void evenCountAveragesTheTwoMiddleValues() {
        Stats s = Stats.of(List.of(4.0, 1.0, 10.0, 2.0));
        assertThat(s.median()).isEqualTo(3.0);
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(10.0);
    }

    @Test
    void oneValueIsItsOwnMedianMinAndMax() {
        assertThat(Stats.of(List.of(0.7))).isEqualTo(new Stats(0.7, 0.7, 0.7, 1));
    }

    @Test
    void noValuesIsAnError() {
        assertThatThrownBy(() -> Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
