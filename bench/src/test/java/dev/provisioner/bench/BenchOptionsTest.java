package dev.provisioner.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {
    @Test
    void defaultsAreTheIssuesHostCountsAndThreeRuns() {
        BenchOptions o = BenchOptions.parse(new String[] {"--root", "/tmp"});
        assertThat(o.hosts()).containsExactly(1, 5, 10, 20, 40);
        assertThat(o.runs()).isEqualTo(3);
        assertThat(o.root()).isEqualTo(Path.of("/tmp"));
        assertThat(o.out()).isNull();
        assertThat(o.withPackage()).isFalse();
        assertThat(o.references()).isTrue();
    }

    @Test
    void noReferencesLeavesOutTheFloorAndTheExpertScript() {
        BenchOptions o = BenchOptions.parse(new String[] {"--no-references", "--hosts", "1"});
        assertThat(o.references()).isFalse();
        assertThat(o.hosts()).containsExactly(1);
    }

    @Test
    void packageIsAFlagWithoutValue() {
        BenchOptions o = BenchOptions.parse(new String[] {"--package", "--runs", "2"});
        assertThat(o.withPackage()).isTrue();
        assertThat(o.runs()).isEqualTo(2);
    }

    @Test
    void hostCountsAreSortedAndDeduplicated() {
        BenchOptions o = BenchOptions.parse(new String[] {"--hosts", "5, 1,5", "--runs", "1"});
        assertThat(o.hosts()).isEqualTo(List.of(1, 5));
        assertThat(o.maxHosts()).isEqualTo(5);
    }

    @Test
    void badValuesNameTheOption() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--hosts", "0,5"})).hasMessageContaining("--hosts");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--hosts", "101"})).hasMessageContaining("1..100");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--runs", "three"})).hasMessageContaining("--runs");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--runs"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--fast", "1"})).hasMessageContaining("unknown option --fast");
    }

    @Test
    void clusterAloneMeasuresNoEngineHostCounts() {
        BenchOptions o = BenchOptions.parse(new String[] {"--cluster", "10,4", "--runs", "2"});
        assertThat(o.cluster()).containsExactly(4, 10);
        assertThat(o.hosts()).isEmpty();
        assertThat(o.maxHosts()).isEqualTo(10);
    }

    @Test
    void clusterBesideHostCountsKeepsBoth() {
        BenchOptions o = BenchOptions.parse(new String[] {"--hosts", "10,20", "--cluster", "4,10"});
        assertThat(o.hosts()).containsExactly(10, 20);
        assertThat(o.cluster()).containsExactly(4, 10);
        assertThat(o.maxHosts()).isEqualTo(20);
    }

    @Test
    void clusterNeedsAMasterANodeAndTheRegistry() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--cluster", "2"})).hasMessageContaining("--cluster")
                .hasMessageContaining("3..100");
    }
}
