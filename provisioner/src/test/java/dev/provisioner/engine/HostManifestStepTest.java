package dev.provisioner.engine;

import dev.provisioner.step.RunCommand;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which step a failure of a recording action is reported against. */
class HostManifestStepTest {
    private static Planned record() {
        return new Planned(HostManifest.STEP, RunCommand.of("record", "true"));
    }

    @Test
    void theFirstRecordBelongsToTheNextActionsStep() {
        List<Planned> batch = List.of(record(), new Planned("a", RunCommand.of("x", "true")), record());
        assertThat(HostManifest.stepOf(batch, 0)).isEqualTo("a");
        assertThat(HostManifest.stepOf(batch, 1)).isEqualTo("a");
        assertThat(HostManifest.stepOf(batch, 2)).isEqualTo("a");
    }

    @Test
    void aRecordAloneIsItsOwnStep() {
        assertThat(HostManifest.stepOf(List.of(record()), 0)).isEqualTo(HostManifest.STEP);
    }

    @Test
    void aStepRecordNamesItsStatus() {
        StepRecord r = new StepRecord("p", "h", "s", StepStatus.SKIPPED, "", java.time.Duration.ZERO, List.of(), null);
        assertThat(r.statusName()).isEqualTo("SKIPPED");
        assertThat(r.failure()).isEmpty();
    }
}
