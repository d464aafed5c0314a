package dev.provisioner.cli;

import dev.provisioner.component.etcd.EtcdPhase;
import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIVE, through the CLI on two real lab hosts: the preflight checks run in the facts round trip, before any change.
 * A program holding etcd's port 2379 on the master (a transient systemd unit running a Perl listener, Perl being
 * in every Debian image) makes {@code plan} and {@code apply} of a run with the etcd phase refuse with exit 4, naming
 * host and port, and no host is changed (a run without it does not check etcd's port) (node01 keeps the wrong host name it was started with, /etc/hosts stays as it was). Once the
 * port is free, {@code plan} shows node01's rename, {@code apply} sets it ({@code hostname} and /etc/hostname) and
 * a plan afterwards is empty. The lab hosts' memory and CPUs are the machine's (a container sees /proc/meminfo of
 * its machine), so the kubeadm-like minimums pass here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreflightLabTest {
    private static final String SQUATTER = "squat-2379";
    private LabHosts lab;
    private Path inventory;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.builder().host("master", dev.provisioner.testsupport.DockerSupport.IMAGE)
                .host("node01", dev.provisioner.testsupport.DockerSupport.IMAGE).hostName("node01", "old-name").start();
        inventory = LabInventory.write(lab, "preflight", new String[0], "master", "[master]", "node01", "[node]");
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private CliRun cli(String command) {
        return cli(command, PrepareHostsPhase.TITLE);
    }

    private CliRun cli(String command, String phases) {
        return CliRun.of(command, "-i", inventory.toString(), "--only=" + phases, "--state", lab.dir().resolve("state").toString());
    }

    @Test
    @Order(1)
    void aProgramOnEtcdsPortRefusesPlanAndApplyBeforeAnyChangeNamingHostAndPort() {
        LabHost master = lab.host("master");
        LabHost node = lab.host("node01");
        master.execOk("systemd-run --unit " + SQUATTER + " perl -MIO::Socket::INET -e "
                + "'my $s = IO::Socket::INET->new(LocalPort => 2379, Listen => 5, ReuseAddr => 1) or die $!; sleep 3600'");
        master.execOk("for i in $(seq 50); do ss -Hltn 'sport = :2379' | grep -q . && exit 0; sleep 0.2; done; exit 1");
        String masterHosts = master.execOk("sha256sum /etc/hosts");
        String nodeHosts = node.execOk("sha256sum /etc/hosts");

        // The ports checked are those of the units the run's phases serve: etcd's with the etcd phase in the run.
        String withEtcd = PrepareHostsPhase.TITLE + "," + EtcdPhase.TITLE;
        CliRun plan = cli("plan", withEtcd);
        assertThat(plan.exitCode()).as("plan's one exit code for any error: " + plan.out() + plan.err()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.out() + plan.err()).contains("master").contains("port 2379/tcp is already in use by another program")
                .contains("etcd needs it").doesNotContain("node01: phase");
        CliRun apply = cli("apply", withEtcd);
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(ExitCodes.STEP_FAILED);
        assertThat(apply.out() + apply.err()).contains("master").contains("step preflight")
                .contains("port 2379/tcp is already in use by another program (etcd.service is not running)")
                .contains("no host was changed");

        assertThat(master.execOk("sha256sum /etc/hosts")).isEqualTo(masterHosts);
        assertThat(node.execOk("sha256sum /etc/hosts")).isEqualTo(nodeHosts);
        assertThat(node.execOk("hostname").strip()).as("not renamed: nothing changed").isEqualTo("old-name");
        CliRun hostsOnly = cli("plan");
        assertThat(hostsOnly.exitCode()).as("a run without etcd's phase does not need its port: " + hostsOnly.out() + hostsOnly.err())
                .isEqualTo(ExitCodes.CHANGES_PENDING);
        assertThat(hostsOnly.out() + hostsOnly.err()).doesNotContain("already in use");
    }

    @Test
    @Order(2)
    void aHostWithAnotherHostNameIsRenamedByPrepareHostsAndThePlanShowsIt() {
        LabHost node = lab.host("node01");
        lab.host("master").execOk("systemctl stop " + SQUATTER + " || true");
        CliRun plan = cli("plan");
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(ExitCodes.CHANGES_PENDING);
        assertThat(plan.out()).contains("set the host name to node01 (now old-name)");

        CliRun apply = cli("apply");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(ExitCodes.OK);
        assertThat(node.execOk("hostname").strip()).isEqualTo("node01");
        assertThat(node.execOk("cat /etc/hostname").strip()).isEqualTo("node01");
        assertThat(node.execOk("cat /proc/sys/kernel/hostname").strip()).isEqualTo("node01");

        CliRun again = cli("plan");
        assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).doesNotContain("set the host name");
    }
}
