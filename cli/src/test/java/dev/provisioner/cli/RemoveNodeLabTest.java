package dev.provisioner.cli;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.component.etcd.EtcdPhase;
import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.component.pki.PkiPhase;
import dev.provisioner.component.prereq.PrerequisitesPhase;
import dev.provisioner.component.runtime.ContainerRuntimePhase;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIVE: {@code provisioner remove-node} on two real lab hosts (a master running etcd, a node running
 * containerd), through the CLI in-process: a live node is taken out and reset while the master's etcd
 * is untouched; then, its container stopped, the dead node is removed from the survivors' point of view
 * without hanging. The Kubernetes stage can only take its "no API to ask" path here (kube-apiserver
 * cannot be obtained on this machine); {@code KubeNodeDeletionTest} covers the others' outputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoveNodeLabTest {
    private static final List<String> PHASES = List.of(PrepareHostsPhase.TITLE, PrerequisitesPhase.TITLE, PkiPhase.TITLE,
            EtcdPhase.TITLE, ContainerRuntimePhase.TITLE);
    private LabHosts lab;
    private Path inventory;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("master", "node01");
        inventory = lab.dir().resolve("inventory.yaml");
        Files.writeString(inventory, """
                defaults:
                  user: root
                  auth:
                    keyFile: %s
                hosts:
                  - name: master
                    address: %s
                    roles: [master]
                  - name: node01
                    address: %s
                    roles: [node]
                cluster:
                  name: removal
                  registry:
                    enabled: false
                  install:
                    etcd: packages
                    containerd: packages
                  ssh:
                    knownHosts: %s
                    hostKeyPolicy: strict
                """.formatted(lab.keys().ed25519(), lab.host("master").address(), lab.host("node01").address(), lab.knownHosts()));
        ProvisionReport applied = EngineHooks.builder(Inventory.load(inventory)).stateDirectory(lab.dir().resolve("state"))
                .onlyPhases(PHASES).build().apply();
        assertThat(applied.failures()).isEmpty();
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void anUnknownHostIsRefusedBeforeAnythingIsContacted() {
        CliRun run = CliRun.of("remove-node", "node09", "-i", inventory.toString(), "--yes");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("has no host named 'node09'").contains("Nothing was contacted");
    }

    @Test
    @Order(2)
    void withoutYesAndWithoutATerminalNothingIsChanged() {
        LabHost node = lab.host("node01");
        CliRun run = CliRun.of("remove-node", "node01", "-i", inventory.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("add --yes");
        assertThat(node.exec("systemctl is-active containerd").stdout().strip()).isEqualTo("active");
    }

    @Test
    @Order(3)
    void aLiveNodeIsTakenOutAndResetWhileTheMastersEtcdRunsOn() {
        LabHost master = lab.host("master");
        LabHost node = lab.host("node01");
        String etcdSince = master.execOk("systemctl show -p ActiveEnterTimestampMonotonic --value etcd").strip();

        CliRun run = CliRun.of("remove-node", "node01", "-i", inventory.toString(), "--yes");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("kubernetes: skipped: no Node object deleted: kubectl not found on master")
                .contains("etcd: skipped: node01 is not an etcd member")
                .contains("host: done: reset node01")
                .contains("Now delete it from");
        assertThat(node.exec("systemctl cat containerd.service").exitCode()).as("containerd's unit is gone").isNotZero();
        assertThat(node.exec("dpkg-query -W -f='${Status}' containerd").stdout()).doesNotContain("install ok installed");
        assertThat(node.execOk("cat /etc/hosts")).doesNotContain("provisioner");
        assertThat(master.execOk("systemctl is-active etcd").strip()).isEqualTo("active");
        assertThat(master.execOk("systemctl show -p ActiveEnterTimestampMonotonic --value etcd").strip())
                .as("etcd on the master was not restarted").isEqualTo(etcdSince);
    }

    @Test
    @Order(4)
    void aDeadNodeIsRemovedFromTheSurvivorsWithoutHanging() throws Exception {
        // Dead to SSH, but the container keeps its address: a stopped container frees it, and a lab host that
        // another test class starts meanwhile may get it (then the "dead" node answers with another host key).
        lab.host("node01").execOk("systemctl stop ssh.socket ssh.service 2>/dev/null || systemctl stop ssh.service; "
                + "! timeout 2 bash -c 'exec 3<>/dev/tcp/127.0.0.1/22' 2>/dev/null");

        CliRun run = CliRun.of("remove-node", "node01", "-i", inventory.toString(), "--yes");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("host: skipped: node01 is unreachable (dead or gone)")
                .contains("provisioner reset --limit node01");
        assertThat(lab.host("master").execOk("systemctl is-active etcd").strip()).isEqualTo("active");
    }
}
