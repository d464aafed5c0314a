package dev.provisioner.bench.reference;

import dev.provisioner.bench.Scenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpertCheckTest {
    @Test
    void eachScenarioAcceptsExactlyItsWork() {
        assertThatCode(() -> ExpertCheck.verify("h", Scenario.FIRST, "written=9 reloaded=1 enabled=2 restarted=2"))
                .doesNotThrowAnyException();
        assertThatCode(() -> ExpertCheck.verify("h", Scenario.NOOP, "written=0 reloaded=0 enabled=0 restarted=0"))
                .doesNotThrowAnyException();
        assertThatCode(() -> ExpertCheck.verify("h", Scenario.CHANGED, "warning\nwritten=1 reloaded=0 enabled=0 restarted=1"))
                .doesNotThrowAnyException();
    }

    @Test
    void lessOrMoreWorkThanTheScenarioStopsTheBenchmarkNamingTheHost() {
        assertThatThrownBy(() -> ExpertCheck.verify("node07", Scenario.NOOP, "written=1 reloaded=0 enabled=0 restarted=1"))
                .hasMessageContaining("node07").hasMessageContaining("no-op re-run").hasMessageContaining("written=1");
        assertThatThrownBy(() -> ExpertCheck.verify("h", Scenario.FIRST, "written=8 reloaded=1 enabled=2 restarted=2"))
                .hasMessageContaining("written=8");
        assertThatThrownBy(() -> ExpertCheck.verify("h", Scenario.CHANGED, "written=1 reloaded=0 enabled=0 restarted=0"))
                .hasMessageContaining("restarted=0");
        assertThatThrownBy(() -> ExpertCheck.verify("h", Scenario.NOOP, "bash: line 3: want: unbound variable"))
                .hasMessageContaining("no summary line").hasMessageContaining("unbound variable");
    }
}
