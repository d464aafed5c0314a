package dev.provisioner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provisioner.api.ActionReport;
import dev.provisioner.api.ProvisionEvent;
import dev.provisioner.api.RunMode;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;
import dev.provisioner.cli.json.CheckDto;
import dev.provisioner.cli.json.JsonLines;
import dev.provisioner.api.ProbeOutcome;
import dev.provisioner.api.ProbeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every JSON line carries the schema version, in the documented shape (docs/json-output.md). */
class JsonOutputTest {
    private static final ObjectMapper READ = new ObjectMapper();

    @Test
    void everyEventLineCarriesTheSchemaAndTheHost() throws Exception {
        StringWriter text = new StringWriter();
        JsonLinesListener json = new JsonLinesListener(new PrintWriter(text));
        StepReport step = new StepReport("prepare-hosts", "node01", "hosts-file", StepStatus.CHANGED, "changed",
                Duration.ofMillis(12), List.of(new ActionReport("PutFile", "write /etc/hosts", "--- /etc/hosts\n", true)),
                Optional.empty());
        List.of(new ProvisionEvent.RunStarted(RunMode.PLAN, List.of("prepare-hosts"), List.of("node01")),
                new ProvisionEvent.ActionEvent("prepare-hosts", "node01", "hosts-file", step.actions().get(0)),
                new ProvisionEvent.StepFinished(step),
                new ProvisionEvent.OutputLine("node01", true, "warn"),
                new ProvisionEvent.RunFinished(RunMode.PLAN, true, Duration.ofMillis(30))).forEach(json::onEvent);
        List<JsonNode> lines = parse(text.toString());
        assertThat(lines).hasSize(5).allMatch(l -> l.get("schema").asInt() == JsonLines.SCHEMA && l.has("time") && l.has("data"));
        assertThat(text.toString().lines()).allMatch(l -> l.startsWith("{\"time\":"));
        assertThat(lines.get(0).get("data").get("mode").asText()).isEqualTo("plan");
        assertThat(lines.get(1).get("data").get("host").asText()).isEqualTo("node01");
        JsonNode report = lines.get(2).get("data").get("report");
        assertThat(report.get("host").asText()).isEqualTo("node01");
        assertThat(report.get("status").asText()).isEqualTo("changed");
        assertThat(report.get("durationMillis").asLong()).isEqualTo(12);
        assertThat(report.get("failure").isNull()).isTrue();
        assertThat(lines.get(4).get("data").get("durationMillis").asLong()).isEqualTo(30);
    }

    @Test
    void checksBareObjectsCarryTheSchemaToo() throws Exception {
        JsonNode probe = READ.readTree(JsonLines.write(CheckDto.Probe.of(new ProbeOutcome("etcd", "master", ProbeStatus.NOT_INSTALLED, "x"))));
        assertThat(probe.get("schema").asInt()).isEqualTo(JsonLines.SCHEMA);
        assertThat(probe.get("status").asText()).isEqualTo("not_installed");
        assertThat(JsonLines.write(CheckDto.Probe.of(new ProbeOutcome("etcd", "master", ProbeStatus.FAILED, "x"))))
                .startsWith("{\"probe\":\"etcd\",\"host\":\"master\",\"status\":\"failed\"");
    }

    @Test
    void aCommandWithoutJsonOfItsOwnPrintsItsTextOnStderrAndOneResultLine(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("id"), "not read by validate, which only checks that it exists\n");
        Path inv = Files.writeString(dir.resolve("inv.yaml"), """
                hosts:
                  - {name: master, address: 10.4.4.4, roles: [master, node], auth: {keyFile: %s}}
                cluster: {name: blog, registry: {enabled: false}}
                """.formatted(key));
        CliRun run = CliRun.of("validate", "-i", inv.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("valid (1 hosts");
        List<JsonNode> lines = parse(run.out());
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("schema").asInt()).isEqualTo(JsonLines.SCHEMA);
        assertThat(lines.get(0).get("event").asText()).isEqualTo("Result");
        assertThat(lines.get(0).get("data").toString())
                .isEqualTo("{\"command\":\"provisioner validate\",\"exitCode\":0,\"exit\":\"ok\"}");

        CliRun quiet = CliRun.of("validate", "-i", inv.toString(), "-q");
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.out()).isEmpty();
    }

    private static List<JsonNode> parse(String text) {
        return text.lines().map(l -> {
            try {
                return READ.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
    }
}
