package dev.provisioner.bench;

import dev.provisioner.api.Counters;
import dev.provisioner.api.HostReport;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.RunMode;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run that did not do what its scenario requires is never timed: the check stops the benchmark. */
class ScenarioCheckTest {
    private static ProvisionReport report(StepStatus status) {
        StepReport step = new StepReport("bench-workload", "h1", "bench-config", status, "", Duration.ZERO, List.of(),
                Optional.empty());
        return new ProvisionReport(RunMode.APPLY, List.of(new HostReport("h1", List.of(step), Counters.ZERO)), List.of(),
                Duration.ZERO);
    }

    private static Measurement run(Scenario scenario, long files, long restarts, int changedHosts) {
        return new Measurement(1, 1, scenario, 1, 1, 1, 1, 1, 0, files, restarts, changedHosts, 1, 1,
                new Measurement.Breakdown(0, 0, 0, 0), 1, 20);
    }

    @Test
    void aNoOpThatChangedSomethingStopsTheBenchmark() {
        assertThatThrownBy(() -> ScenarioCheck.verify(report(StepStatus.CHANGED), run(Scenario.NOOP, 1, 0, 1)))
                .isInstanceOf(BenchException.class).hasMessageContaining("no-op re-run").hasMessageContaining("1 hosts changed");
        assertThatCode(() -> ScenarioCheck.verify(report(StepStatus.UNCHANGED), run(Scenario.NOOP, 0, 0, 0)))
                .doesNotThrowAnyException();
    }

    @Test
    void aFirstConvergeMustWriteTheWholeWorkload() {
        assertThatThrownBy(() -> ScenarioCheck.verify(report(StepStatus.CHANGED), run(Scenario.FIRST, 8, 2, 1)))
                .isInstanceOf(BenchException.class).hasMessageContaining("8 files written");
        assertThatCode(() -> ScenarioCheck.verify(report(StepStatus.CHANGED), run(Scenario.FIRST, 9, 2, 1)))
                .doesNotThrowAnyException();
    }

    @Test
    void theChangedValueMustRestartExactlyOneServicePerHost() {
        assertThatThrownBy(() -> ScenarioCheck.verify(report(StepStatus.CHANGED), run(Scenario.CHANGED, 1, 2, 1)))
                .isInstanceOf(BenchException.class).hasMessageContaining("2 units restarted");
    }
}
