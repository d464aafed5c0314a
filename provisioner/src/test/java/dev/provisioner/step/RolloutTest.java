package dev.provisioner.step;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a phase's hosts are split into batches: all at once, one by one, or n at a time with a short last batch. */
class RolloutTest {
    private static final List<String> FIVE = List.of("a", "b", "c", "d", "e");

    @Test
    void allAtOnceIsOneBatchOfEveryHost() {
        assertThat(Rollout.ALL_AT_ONCE.rolling()).isFalse();
        assertThat(Rollout.ALL_AT_ONCE.split(FIVE)).containsExactly(FIVE);
        assertThat(Rollout.ALL_AT_ONCE).hasToString("all at once");
        assertThat(new Rollout(0)).isEqualTo(Rollout.ALL_AT_ONCE);
    }

    @Test
    void batchesOfNKeepInventoryOrderAndEndWithAShortBatch() {
        assertThat(Rollout.batches(2).split(FIVE)).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
        assertThat(Rollout.SERIAL.split(List.of("a", "b"))).containsExactly(List.of("a"), List.of("b"));
        assertThat(Rollout.batches(5).split(FIVE)).containsExactly(FIVE);
        assertThat(Rollout.batches(7).split(FIVE)).containsExactly(FIVE);
        assertThat(Rollout.batches(1).rolling()).isTrue();
        assertThat(Rollout.batches(3)).hasToString("batches of 3").isEqualTo(new Rollout(3));
    }

    @Test
    void noHostsMeansNoBatchWhateverThePolicy() {
        assertThat(Rollout.ALL_AT_ONCE.split(List.of())).isEmpty();
        assertThat(Rollout.batches(2).split(List.of())).isEmpty();
    }

    @Test
    void batchesAreCopiesTheCallerCannotChange() {
        List<String> hosts = new java.util.ArrayList<>(FIVE);
        List<List<String>> batches = Rollout.batches(2).split(hosts);
        hosts.set(0, "z");
        assertThat(batches.get(0)).containsExactly("a", "b");
        assertThatThrownBy(() -> batches.get(0).add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Rollout.ALL_AT_ONCE.split(hosts).get(0).add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBatchHasAtLeastOneHost() {
        assertThatThrownBy(() -> Rollout.batches(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxUnavailable must be at least 1, got 0");
        assertThatThrownBy(() -> new Rollout(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch has at least one host, got -1");
    }
}
