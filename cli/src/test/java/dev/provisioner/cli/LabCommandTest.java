package dev.provisioner.cli;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.testsupport.DockerSupport;
import dev.provisioner.testsupport.LabCapacity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's main command on the real engine: {@code lab up} with the 2018 topology applies every
 * phase that can run on this machine and reports the Kubernetes release files it could not get
 * (exit code 6); {@code run} works on its hosts; {@code lab down} leaves no container behind.
 * A unique lab name and temporary paths keep it away from the user's inventories/lab.yaml.
 */
class LabCommandTest {

    @Test
    void labUpAppliesWhatCanRunHereRunWorksOnItsHostsAndLabDownLeavesNothing(@TempDir Path dir) throws Exception {
        DockerSupport.requireLab();
        try (LabCapacity.Reservation ignored = LabCapacity.reserve(4)) {
            upRunDown(dir);
        }
    }

    private static void upRunDown(Path dir) throws Exception {
        String name = "t" + Long.toHexString(System.nanoTime()).substring(0, 8);
        Path inventory = dir.resolve("lab.yaml");
        List<String> lab = List.of("--name", name, "-i", inventory.toString(), "--lab-dir", dir.resolve("lab").toString(),
                "--image", DockerSupport.IMAGE);
        try {
            CliRun up = cli("lab", "up", lab, "--state", dir.resolve("state").toString());
            String out = up.out();
            assertThat(up.exitCode()).as(out + up.err()).isEqualTo(ExitCodes.INCOMPLETE);
            assertThat(out).containsPattern("master +master +172\\.\\d+\\.\\d+\\.\\d+ +running")
                    .containsPattern("node01 +node ").containsPattern("node02 +node ").containsPattern("registry +registry ");
            assertThat(Inventory.load(inventory).hosts()).hasSize(4);

            // Every phase before the first one that needs release files completed on its hosts; that phase
            // reports the missing files; the Kubernetes phases after it did not run, and say why.
            Map<String, String> phases = phaseTable(out);
            assertThat(phases).containsKeys("prepare-hosts", "registry", "control-plane", "kube-node");
            List<String> order = new ArrayList<>(phases.keySet());
            int stop = order.indexOf(phases.entrySet().stream().filter(e -> e.getValue().startsWith("incomplete"))
                    .findFirst().orElseThrow(() -> new AssertionError("no incomplete phase in\n" + out)).getKey());
            assertThat(order.subList(0, stop)).allSatisfy(p -> assertThat(phases.get(p)).as(p + "\n" + out).isEqualTo("done"));
            assertThat(order.subList(stop, order.size())).allSatisfy(p -> assertThat(phases.get(p)).as(p)
                    .matches("incomplete: missing release files|not run \\(stopped at " + order.get(stop) + "\\)"));
            assertThat(order.indexOf("control-plane")).isGreaterThan(order.indexOf("registry"));
            assertThat(stop).isLessThanOrEqualTo(order.indexOf("control-plane"));
            assertThat(out).contains("Not done: release files are missing").contains("kube-apiserver").contains("--artifacts")
                    .contains("Incomplete (exit code 6)");
            try (Stream<Path> logs = Files.list(dir.resolve("state/logs"))) {
                assertThat(logs.map(p -> p.getFileName().toString())).anyMatch(f -> f.endsWith("-lab-up.log"));
            }

            CliRun status = cli("lab", "status", lab);
            assertThat(status.exitCode()).as(status.out()).isZero();
            assertThat(status.out()).containsPattern("HOST +ROLE +ADDRESS +STATE")
                    .containsPattern("node02 +node +172\\.\\d+\\.\\d+\\.\\d+ +running +provisioner-" + name + "-node02");

            runOnTheLabHosts(inventory);

            CliRun down = cli("lab", "down", lab);
            assertThat(down.exitCode()).isZero();
            for (String host : List.of("master", "node01", "node02", "registry")) {
                assertThat(down.out()).contains("removed container provisioner-" + name + "-" + host);
            }
            assertThat(down.out()).contains("removed " + inventory);
        } finally {
            cli("lab", "down", lab);
        }
        assertThat(docker("ps", "-a", "-q", "--filter", "label=dev.provisioner.lab=" + name)).isBlank();
        assertThat(inventory).doesNotExist();
        CliRun after = cli("lab", "status", lab);
        assertThat(after.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(after.out()).contains("No lab '" + name + "' is running");
    }

    private static void runOnTheLabHosts(Path inventory) {
        String inv = inventory.toString();
        CliRun all = CliRun.of("run", "-i", inv, "--", "hostname");
        assertThat(all.exitCode()).as(all.out() + all.err()).isZero();
        for (String host : List.of("master", "node01", "node02", "registry")) {
            assertThat(all.out()).containsPattern("== " + host + " \\(exit 0, [0-9.]+s\\)\\n  " + host + "\\n");
        }
        assertThat(all.out()).contains("run: 4 hosts, 4 ok (exit code 0)");

        CliRun failing = CliRun.of("run", "-i", inv, "--limit", "node01,registry", "--", "sh", "-c", "echo out; echo err >&2; exit 3");
        assertThat(failing.exitCode()).isEqualTo(ExitCodes.STEP_FAILED);
        assertThat(failing.out()).contains("== node01 (exit 3").contains("  out\n! err\n")
                .contains("2 not ok: node01: exit 3, registry: exit 3").doesNotContain("== master");

        CliRun roles = CliRun.of("run", "-i", inv, "--limit", "node", "--sudo", "--shell", "--", "id -un | tr a-z A-Z");
        assertThat(roles.exitCode()).as(roles.out() + roles.err()).isZero();
        assertThat(roles.out()).contains("== node01").contains("== node02").contains("  ROOT").doesNotContain("== registry");

        CliRun slow = CliRun.of("run", "-i", inv, "--limit", "master", "--timeout", "1", "--", "sleep", "20");
        assertThat(slow.exitCode()).as(slow.out()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(slow.out()).contains("== master (TIMEOUT");

        CliRun json = CliRun.of("run", "-i", inv, "--limit", "registry", "--json", "--", "echo", "a b");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"event\":\"HostResult\"").contains("\"stdout\":\"a b\\n\"").contains("\"exitCode\":0");
    }

    /** The rows of the PHASE table of a summary: phase to result. */
    static Map<String, String> phaseTable(String out) {
        Map<String, String> phases = new LinkedHashMap<>();
        boolean in = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("PHASE ")) {
                in = true;
            } else if (in && line.isBlank()) {
                break;
            } else if (in) {
                String phase = line.substring(0, 20).strip();
                String result = line.substring(21, Math.min(line.length(), 55)).strip();
                phases.put(phase, result);
            }
        }
        return phases;
    }

    private static CliRun cli(String group, String command, List<String> lab, String... more) {
        List<String> args = new ArrayList<>(List.of(group, command));
        args.addAll(lab);
        args.addAll(Arrays.asList(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static String docker(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.strip();
    }
}
