package dev.provisioner.cli;

import dev.provisioner.api.ActionReport;
import dev.provisioner.api.Counters;
import dev.provisioner.api.HostReport;
import dev.provisioner.api.ProvisionEvent;
import dev.provisioner.api.ProvisionListener;
import dev.provisioner.api.RunMode;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;
import dev.provisioner.step.UnifiedDiff;
import dev.provisioner.transport.SecretMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hosts drift differently (node01 lost its node02 line in /etc/hosts, node02 its master line) and their
 * events interleave as parallel hosts' do: every printed diff names its own host on its header, right under
 * that host's step line, in the plain console, the live console, the run log and plan's output.
 */
class DiffHeadersTest {
    private static final String WANT = "10.0.0.1\tmaster\n10.0.0.2\tnode01\n10.0.0.3\tnode02\n";
    private static final StepReport NODE01 = step("node01", WANT.replace("10.0.0.3\tnode02\n", ""));
    private static final StepReport NODE02 = step("node02", WANT.replace("10.0.0.1\tmaster\n", ""));

    private static StepReport step(String host, String had) {
        ActionReport write = new ActionReport("PutFile", "write /etc/hosts", UnifiedDiff.of("/etc/hosts", had, WANT), true);
        return new StepReport("prepare-hosts", host, "hosts-file", StepStatus.CHANGED, "1 file changed",
                Duration.ofMillis(5), List.of(write), Optional.empty());
    }

    /** The events of both hosts, interleaved: both diffs before either step line, finishing in the other order. */
    private static final List<ProvisionEvent> EVENTS = List.of(
            new ProvisionEvent.RunStarted(RunMode.APPLY, List.of("prepare-hosts"), List.of("node01", "node02")),
            new ProvisionEvent.PhaseStarted("prepare-hosts", List.of("node01", "node02")),
            new ProvisionEvent.ActionEvent("prepare-hosts", "node01", "hosts-file", NODE01.actions().get(0)),
            new ProvisionEvent.ActionEvent("prepare-hosts", "node02", "hosts-file", NODE02.actions().get(0)),
            new ProvisionEvent.StepFinished(NODE02),
            new ProvisionEvent.StepFinished(NODE01),
            new ProvisionEvent.PhaseFinished("prepare-hosts", true, Duration.ofMillis(9)),
            new ProvisionEvent.RunFinished(RunMode.APPLY, true, Duration.ofMillis(10)));

    @Test
    void plainConsoleHeadsEachDiffWithItsHostUnderItsStepLine() {
        for (boolean verbose : List.of(false, true)) {
            String out = print(w -> new ConsoleListener(w, verbose));
            assertHostsNamed(out);
            assertThat(out).containsPattern("node02 +hosts-file +changed .*\n +--- node02:/etc/hosts\n +\\+\\+\\+ node02:/etc/hosts\n")
                    .containsPattern("node01 +hosts-file +changed .*\n +--- node01:/etc/hosts\n +\\+\\+\\+ node01:/etc/hosts\n");
        }
    }

    @Test
    void liveConsoleNamesTheHostRightAboveEachDiff() {
        String out = print(w -> new LiveStatus(w, false));
        assertHostsNamed(out);
        assertThat(out).containsPattern("~ node01 prepare-hosts/hosts-file\n +--- node01:/etc/hosts\n")
                .containsPattern("~ node02 prepare-hosts/hosts-file\n +--- node02:/etc/hosts\n");
    }

    @Test
    void theRunLogNamesTheHostOfEachDiff(@TempDir Path state) throws Exception {
        RunLog log = RunLog.open(state, "apply", new SecretMasker(), new PrintWriter(new StringWriter())).orElseThrow();
        EVENTS.forEach(log::onEvent);
        log.close();
        assertHostsNamed(Files.readString(log.file()));
    }

    @Test
    void planNamesTheHostOfEachDiff() {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        PlanCommand.host(w, new HostReport("node01", List.of(NODE01), Counters.ZERO));
        PlanCommand.host(w, new HostReport("node02", List.of(NODE02), Counters.ZERO));
        w.flush();
        assertHostsNamed(text.toString());
        assertThat(text.toString()).containsPattern("write /etc/hosts\n +--- node01:/etc/hosts\n");
    }

    @Test
    void aNewFileKeepsDevNullAndNamesTheHostOnItsPlusHeader() {
        assertThat(HostDiff.lines("registry", UnifiedDiff.of("/etc/x.conf", "", "a\n")))
                .startsWith("--- /dev/null", "+++ registry:/etc/x.conf");
    }

    /** Every diff header (log lines: after the timestamp) names a host, and each host's diff shows its own drift. */
    private static void assertHostsNamed(String out) {
        List<String> headers = out.lines().map(l -> l.replaceFirst("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ", "").strip()).filter(l -> l.startsWith("--- ") || l.startsWith("+++ ")).toList();
        assertThat(headers).hasSize(4).allMatch(l -> l.matches("(---|\\+\\+\\+) node0[12]:/etc/hosts"));
        // node01 lost node02's line, node02 lost master's: each diff's added line follows its own header.
        assertThat(out).containsPattern("node01:/etc/hosts\n(.*\n){1,5}?.*\\+10\\.0\\.0\\.3\tnode02")
                .containsPattern("node02:/etc/hosts\n(.*\n){1,3}?.*\\+10\\.0\\.0\\.1\tmaster");
    }

    private static String print(Function<PrintWriter, ProvisionListener> listener) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        ProvisionListener l = listener.apply(w);
        EVENTS.forEach(l::onEvent);
        w.flush();
        return text.toString();
    }
}
