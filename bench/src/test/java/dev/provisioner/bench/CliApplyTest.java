package dev.provisioner.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliApplyTest {
    /** Two hosts as the CLI's {@code --json} Report line has them (ReportDto), the second one changed. */
    static final String OUTPUT = String.join("\n",
            "{\"time\":\"2026-12-06T22:00:00Z\",\"schema\":1,\"event\":\"PhaseStarted\",\"data\":{\"phase\":\"hosts\"}}",
            "{\"time\":\"2026-12-06T22:00:01Z\",\"schema\":1,\"event\":\"Report\",\"data\":{\"mode\":\"apply\",\"hosts\":["
                    + "{\"host\":\"master\",\"steps\":[{\"phase\":\"hosts\",\"host\":\"master\",\"step\":\"etc-hosts\","
                    + "\"status\":\"unchanged\",\"reason\":\"\",\"durationMillis\":3,\"actions\":[],\"failure\":null}],"
                    + "\"counters\":{\"roundTrips\":1,\"bytesSent\":0,\"filesWritten\":0,\"unitsRestarted\":0}},"
                    + "{\"host\":\"node01\",\"steps\":[{\"phase\":\"hosts\",\"host\":\"node01\",\"step\":\"etc-hosts\","
                    + "\"status\":\"changed\",\"reason\":\"\",\"durationMillis\":9,\"actions\":[],\"failure\":null}],"
                    + "\"counters\":{\"roundTrips\":4,\"bytesSent\":900,\"filesWritten\":3,\"unitsRestarted\":1}}],"
                    + "\"failures\":[],\"durationMillis\":1200}}",
            "{\"time\":\"2026-12-06T22:00:01Z\",\"schema\":1,\"event\":\"Result\",\"data\":{\"exitCode\":0}}");

    @Test
    void sumsTheCountersOverTheHostsAndSeesAChangedStep() {
        CliApply.Outcome o = CliApply.outcome(OUTPUT);
        assertThat(o.hosts()).isEqualTo(2);
        assertThat(o.roundTrips()).isEqualTo(5);
        assertThat(o.filesWritten()).isEqualTo(3);
        assertThat(o.unitsRestarted()).isEqualTo(1);
        assertThat(o.changed()).isTrue();
    }

    @Test
    void aNoOpReportHasNothingChanged() {
        CliApply.Outcome o = CliApply.outcome(OUTPUT.replace("\"status\":\"changed\"", "\"status\":\"unchanged\"")
                .replace("\"filesWritten\":3", "\"filesWritten\":0").replace("\"unitsRestarted\":1", "\"unitsRestarted\":0"));
        assertThat(o.changed()).isFalse();
        assertThat(o.filesWritten()).isZero();
    }

    @Test
    void outputWithoutAReportIsAnError() {
        assertThatThrownBy(() -> CliApply.outcome("error: inventory.yaml line 3: hosts: missing\n"))
                .isInstanceOf(BenchException.class).hasMessageContaining("no Report line")
                .hasMessageContaining("inventory.yaml line 3");
    }

    @Test
    void incompleteCountsAsSuccessOtherFailuresDoNot() {
        assertThat(new CliApply.Result(0, "").succeeded()).isTrue();
        assertThat(new CliApply.Result(CliApply.INCOMPLETE, "").succeeded()).isTrue();
        assertThat(new CliApply.Result(3, "").succeeded()).isFalse();
        assertThat(new CliApply.Result(1, "").succeeded()).isFalse();
    }

    @Test
    void theCommandIsTheLauncherWithJsonAndTheStateDirectory() {
        assertThat(CliApply.command(Path.of("/r"), Path.of("/w/lab.yaml"), Path.of("/w/state"), "node01"))
                .containsExactly("/r/bin/provisioner", "apply", "-i", "/w/lab.yaml", "--state", "/w/state", "--json",
                        "--limit", "node01");
    }
}
