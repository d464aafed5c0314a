package dev.provisioner.step;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The small values steps are made of: unit actions, desired files and step outcomes. */
class ActionModelTest {
    @Test
    void ensureUnitSaysAndScriptsExactlyWhatItDoes() {
        EnsureUnit both = new EnsureUnit("etcd.service", true, true);
        EnsureUnit enable = new EnsureUnit("etcd.service", true, false);
        EnsureUnit start = new EnsureUnit("my unit", false, true);
        assertThat(both.describe()).isEqualTo("enable and start etcd.service");
        assertThat(enable.describe()).isEqualTo("enable etcd.service");
        assertThat(start.describe()).isEqualTo("start my unit");
        assertThat(both.script()).isEqualTo("systemctl enable --no-reload etcd.service\nsystemctl start etcd.service\n");
        assertThat(enable.script()).isEqualTo("systemctl enable --no-reload etcd.service\n");
        assertThat(start.script()).isEqualTo("systemctl start 'my unit'\n");
        assertThat(enable.stage()).isEqualTo(Action.Stage.ENABLE_UNITS);
        assertThat(both.stage()).isEqualTo(Action.Stage.COMMANDS);
        assertThat(start.stage()).isEqualTo(Action.Stage.COMMANDS);
    }

    @Test
    void desiredFilesChangeOneThingAtATime() {
        DesiredFile f = DesiredFile.text("/etc/a.conf", "x=1\n");
        assertThat(f.text()).isEqualTo("x=1\n");
        assertThat(f.mode()).isEqualTo(0644);
        DesiredFile changed = f.withMode(0600).withOwner("etcd", "etcd").inPlace().asSensitive().asUnitFile();
        assertThat(changed.mode()).isEqualTo(0600);
        assertThat(changed.owner()).isEqualTo("etcd");
        assertThat(changed.group()).isEqualTo("etcd");
        assertThat(changed.placement()).isEqualTo(Placement.IN_PLACE);
        assertThat(changed.sensitive()).isTrue();
        assertThat(changed.unitFile()).isTrue();
        assertThat(changed.text()).isEqualTo("x=1\n");
        assertThat(changed.sha256()).isEqualTo(f.sha256()).hasSize(64);
        assertThat(f.sensitive()).isFalse();
        assertThat(f.unitFile()).isFalse();
        assertThat(f.placement()).isEqualTo(Placement.ATOMIC);
    }

    @Test
    void anOutcomeIsConvergedWhenOnlyHandlersAndChecksRemain() {
        assertThat(StepOutcome.converged("up to date").isConverged()).isTrue();
        assertThat(StepOutcome.converged("up to date").reason()).isEqualTo("up to date");
        assertThat(StepOutcome.converged(null).reason()).isEmpty();
        Action handler = new RestartOnChange("etcd.service", Set.of("/etc/etcd.conf"), Set.of());
        Action check = new WaitHealthy("etcd", "true", Duration.ofSeconds(5));
        assertThat(StepOutcome.of(List.of(handler, check), "r").isConverged()).isTrue();
        assertThat(StepOutcome.of(List.of(handler, new EnsureUnit("u", false, true)), "r").isConverged()).isFalse();
    }
}
