package dev.provisioner.component.addons;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The add-ons are applied when their manifests change, the cluster-admins binding with the super-admin credential. */
class AddonsStepTest {
    static Inventory inventory() {
        return Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("master2", h -> h.address("10.4.4.6").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("master3", h -> h.address("10.4.4.7").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.enabled", false)
                .build();
    }

    @Test
    void changedManifestsAreAppliedAndConvergedOnesAreNot() {
        Inventory inv = inventory();
        AddonsStep step = new AddonsStep();
        StepOutcome fresh = step.plan(EngineFixtures.context(inv, "master", EngineFixtures.debian("master").build()));
        List<RunCommand> applies = fresh.actions().stream().filter(RunCommand.class::isInstance).map(RunCommand.class::cast).toList();
        assertThat(applies).hasSize(3);
        assertThat(applies.get(0).script()).contains("--kubeconfig=/etc/kubernetes/super-admin.conf", AddonFiles.CLUSTER_ADMINS);
        assertThat(applies.get(1).script()).contains("--kubeconfig=/etc/kubernetes/admin.conf", AddonFiles.KUBELET_API)
                .contains("rm -f /etc/kubernetes/addons/10-kubelet-api.yaml");
        assertThat(applies.get(2).script()).contains(AddonFiles.COREDNS);

        var facts = EngineFixtures.debian("master");
        for (DesiredFile f : step.files(EngineFixtures.context(inv, "master", null))) {
            facts.file(f);
        }
        assertThat(step.plan(EngineFixtures.context(inv, "master", facts.build())).isConverged()).isTrue();
    }

    @Test
    void onlyTheFirstMasterAppliesAndCoreDnsGetsTheClusterDnsAddress() {
        Inventory inv = inventory();
        var phase = AddonsPhase.create();
        var step = phase.steps().get(0);
        assertThat(step.files(EngineFixtures.context(inv, "master2", null))).isEmpty();
        assertThat(step.plan(EngineFixtures.context(inv, "master2", EngineFixtures.debian("master2").build())).isConverged()).isTrue();
        String dns = step.files(EngineFixtures.context(inv, "master", null)).stream()
                .filter(f -> f.path().equals(AddonFiles.COREDNS)).findFirst().orElseThrow().text();
        assertThat(dns).contains("clusterIP: \"10.96.0.10\"", "kubernetes cluster.local in-addr.arpa", "apiVersion: apps/v1",
                "replicas: 1");
    }
}
