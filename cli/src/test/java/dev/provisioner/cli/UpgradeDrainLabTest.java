package dev.provisioner.cli;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.component.prereq.PrerequisitesPhase;
import dev.provisioner.component.runtime.ContainerRuntimePhase;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIVE: {@code provisioner upgrade} drains each Kubernetes node before its batch and uncordons it after its
 * health check, on three lab hosts (a master, two nodes running containerd), through the CLI in-process.
 *
 * <p>STAND-IN: kube-apiserver cannot be downloaded on this machine, so the master's {@code kubectl} is a
 * recording script (it answers the API checks, appends every drain/uncordon with the host's monotonic time
 * to a log, and fails a drain when told to). Everything else is real: the upgrade rewrites containerd's
 * hand-edited config and restarts containerd on each node, and the batch health check reads systemd.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeDrainLabTest {
    private static final String LOG = "/var/log/kubectl-standin.log";
    private static final String CONFIG = "/etc/containerd/config.toml";
    private static final String KUBECTL = """
            #!/bin/sh
            # Recording stand-in for kubectl: the API server cannot be downloaded here (see the test).
            case "$1" in --kubeconfig=*) shift ;; esac
            case "$1 $2" in "get --raw=/readyz"|"get node") exit 0 ;; esac
            echo "$(cut -d' ' -f1 /proc/uptime) $*" >> %s
            if [ -e "/etc/kubectl-standin/fail-$1-$2" ]; then
              echo "error: cannot evict pod web-1: Cannot evict pod as it would violate the pod's disruption budget." >&2
              exit 1
            fi
            """.formatted(LOG);
    private LabHosts lab;
    private Path inventory;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("master", "node01", "node02");
        inventory = LabInventory.write(lab, "drain", new String[] {"containerd: packages"}, "master", "[master]",
                "node01", "[node]", "node02", "[node]");
        ProvisionReport applied = EngineHooks.builder(Inventory.load(inventory)).stateDirectory(lab.dir().resolve("state"))
                .onlyPhases(List.of(PrepareHostsPhase.TITLE, PrerequisitesPhase.TITLE, ContainerRuntimePhase.TITLE)).build().apply();
        assertThat(applied.failures()).isEmpty();
        lab.host("master").put("/usr/local/bin/kubectl", KUBECTL);
        lab.host("master").execOk("chmod 0755 /usr/local/bin/kubectl && mkdir -p /etc/kubernetes /etc/kubectl-standin"
                + " && echo 'stand-in: not read' > /etc/kubernetes/admin.conf");
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private CliRun upgrade() {
        return CliRun.of("upgrade", "-i", inventory.toString(), "--state", lab.dir().resolve("state").toString(),
                "--only", ContainerRuntimePhase.TITLE, "--max-unavailable", "1", "--drain-timeout", "90s", "--json");
    }

    private void handEdit(String... nodes) {
        for (String n : nodes) {
            lab.host(n).execOk("echo '# hand edit' >> " + CONFIG);
        }
    }

    /** The host:step of every finished step of the JSON event stream, in order. */
    private static List<String> finished(String json) {
        Pattern p = Pattern.compile("\"host\":\"([^\"]+)\",\"step\":\"([^\"]+)\",\"status\":\"([a-z_]+)\"");
        List<String> out = new ArrayList<>();
        for (String line : json.lines().filter(l -> l.contains("\"event\":\"StepFinished\"")).toList()) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                out.add(m.group(1) + ":" + m.group(2) + ":" + m.group(3));
            }
        }
        return out;
    }

    private double restartedAt(String node) {
        return Long.parseLong(lab.host(node).execOk("systemctl show -p ActiveEnterTimestampMonotonic --value containerd").strip()) / 1e6;
    }

    @Test
    @Order(1)
    void eachNodeIsDrainedBeforeItsBatchAndUncordonedAfterItsHealthCheck() {
        handEdit("node01", "node02");
        CliRun run = upgrade();
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);

        List<String> steps = finished(run.out());
        for (String n : List.of("node01", "node02")) {
            int drain = steps.indexOf(n + ":drain:changed");
            int health = steps.indexOf(n + ":batch-health:unchanged");
            int uncordon = steps.indexOf(n + ":uncordon:changed");
            int changed = steps.stream().filter(s -> s.startsWith(n + ":") && s.endsWith(":changed") && !s.contains(":drain:"))
                    .findFirst().map(steps::indexOf).orElse(-1);
            assertThat(List.of(drain, changed, health, uncordon)).as(n + " in " + steps).doesNotContain(-1).isSorted();
        }
        assertThat(steps.indexOf("node01:uncordon:changed")).as("one batch after the other")
                .isLessThan(steps.indexOf("node02:drain:changed"));
        assertThat(steps).as("the master has no node role: not drained").noneMatch(s -> s.startsWith("master:drain"));

        List<String> log = lab.host("master").execOk("cat " + LOG).lines().toList();
        assertThat(log.stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList()).containsExactly(
                "drain node01 --ignore-daemonsets --delete-emptydir-data --timeout=90s", "uncordon node01 --request-timeout=15s",
                "drain node02 --ignore-daemonsets --delete-emptydir-data --timeout=90s", "uncordon node02 --request-timeout=15s");
        // On the shared kernel clock: drained, then containerd restarted with the new config, then uncordoned.
        for (int i = 0; i < 2; i++) {
            String n = "node0" + (i + 1);
            double drained = Double.parseDouble(log.get(2 * i).split(" ")[0]);
            double uncordoned = Double.parseDouble(log.get(2 * i + 1).split(" ")[0]);
            assertThat(restartedAt(n)).as(n).isBetween(drained, uncordoned);
            assertThat(lab.host(n).execOk("cat " + CONFIG)).doesNotContain("# hand edit");
        }
    }

    @Test
    @Order(2)
    void aFailedDrainStopsTheUpgradeBeforeThatNodeIsTouched() {
        lab.host("master").execOk(": > " + LOG + " && touch /etc/kubectl-standin/fail-drain-node02");
        handEdit("node01", "node02");
        CliRun run = upgrade();
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.STEP_FAILED);
        assertThat(run.out()).contains("kubectl drain node02 on master failed (exit 1)").contains("disruption budget")
                .contains("the upgrade stopped before touching node02");
        assertThat(lab.host("master").execOk("cat " + LOG).lines().map(l -> l.substring(l.indexOf(' ') + 1)).toList())
                .containsExactly("drain node01 --ignore-daemonsets --delete-emptydir-data --timeout=90s",
                        "uncordon node01 --request-timeout=15s",
                        "drain node02 --ignore-daemonsets --delete-emptydir-data --timeout=90s");
        assertThat(lab.host("node01").execOk("cat " + CONFIG)).doesNotContain("# hand edit");
        assertThat(lab.host("node02").execOk("cat " + CONFIG)).as("node02 untouched").contains("# hand edit");
        assertThat(lab.host("node02").execOk("systemctl is-active containerd").strip()).isEqualTo("active");
    }
}
