package dev.provisioner.component.etcd;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.inventory.Versions;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** etcd's upgrade path (one minor at a time) and the package route's pin: facts in, actions or refusal out. */
class EtcdUpgradeRulesTest {
    static Inventory packages(String version) {
        var b = Inventory.builder().clusterName("trio")
                .host("m1", h -> h.address("10.0.0.1").roles(Role.MASTER, Role.NODE).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.enabled", false).set("cluster.install.etcd", "packages");
        return version == null ? b.build() : b.set("cluster.versions.etcd", version).build();
    }

    private static StepOutcome plan(Inventory inv, String installed) {
        Step install = EtcdPhase.create(new EtcdRelease(a -> {
            throw new AssertionError("the package route resolves no release");
        }, List.of("etcd", "etcdctl", "etcdutl"))).steps().get(0);
        var facts = EngineFixtures.debian("m1");
        if (installed != null) {
            facts.pkg("etcd-server", installed).pkg("etcd-client", installed);
        }
        return install.plan(EngineFixtures.context(inv, "m1", facts.build()));
    }

    @Test
    void oneMinorAtATimeNoMajorChangeNoMinorDowngrade() {
        assertThat(EtcdUpgradePath.upstream("3.4.23-4+b4")).isEqualTo("3.4.23");
        assertThat(EtcdUpgradePath.upstream("1:3.5.16-4")).isEqualTo("3.5.16");
        assertThat(EtcdUpgradePath.refusal("3.4.23", "3.5.16")).isEmpty();
        assertThat(EtcdUpgradePath.refusal("3.5.16", "3.5.2")).as("patch either way").isEmpty();
        assertThat(EtcdUpgradePath.refusal("3.4.23-4+b4", "3.6.5")).hasValueSatisfying(r -> assertThat(r)
                .isEqualTo("etcd 3.4.23 -> 3.6.5 skips 1 minor version(s): etcd upgrades one minor version at a time;"
                        + " set the version to the newest 3.5 release first, apply, then 3.6.5"));
        assertThat(EtcdUpgradePath.refusal("3.6.5", "3.5.16")).hasValueSatisfying(r -> assertThat(r).contains("minor downgrade"));
        assertThat(EtcdUpgradePath.refusal("3.6.5", "4.0.0")).hasValueSatisfying(r -> assertThat(r).contains("major version"));
        assertThatThrownBy(() -> EtcdUpgradePath.upstream("latest")).hasMessageContaining("not an etcd version: 'latest'");
    }

    @Test
    void withoutAPinThePackagesAreTakenAsTheDistributionShipsThem() {
        assertThat(packages(null).cluster().versions().etcd()).isEqualTo(Versions.ETCD);
        assertThat(plan(packages(null), "3.4.23-4+b4").actions()).isEmpty();
        InstallPackages fresh = (InstallPackages) plan(packages(null), null).actions().get(0);
        assertThat(fresh.packages()).containsExactly("etcd-server", "etcd-client");
    }

    @Test
    void aPinInstallsThatVersionAndUpgradesAMemberOneMinorBehind() throws Exception {
        InstallPackages fresh = (InstallPackages) plan(packages("3.4.23"), null).actions().get(0);
        assertThat(fresh.packages()).containsExactly("etcd-server=3.4.23*", "etcd-client=3.4.23*");
        assertThat(fresh.script()).contains("'etcd-server=3.4.23*' 'etcd-client=3.4.23*'");
        assertThat(plan(packages("3.4.23"), "3.4.23-4+b4").actions()).as("at the pin").isEmpty();

        StepOutcome up = plan(packages("3.5.16"), "3.4.23-4+b4");
        RunCommand cmd = (RunCommand) up.actions().get(0);
        assertThat(up.actions()).hasSize(1);
        assertThat(cmd.describe()).startsWith("upgrade etcd 3.4.23 -> 3.5.16");
        assertThat(cmd.stage()).as("before the files and the restart handler").isEqualTo(dev.provisioner.step.Action.Stage.BEFORE_FILES);
        String s = cmd.script();
        assertThat(s.indexOf("endpoint health --cluster")).as("cluster health gate first").isLessThan(s.indexOf("apt-get"));
        assertThat(s).contains("--endpoints=https://10.0.0.1:2379").contains("exit 1; }")
                .contains("'etcd-server=3.5.16*' 'etcd-client=3.5.16*'").endsWith("systemctl restart etcd.service\n");
        assertThat(dev.provisioner.ops.etcd.ShellSyntax.errors(s)).as("sh -n").isEmpty();
    }

    @Test
    void aSkippedMinorIsRefusedWhilePlanning() {
        assertThatThrownBy(() -> plan(packages("3.6.4"), "3.4.23-4+b4")).isInstanceOf(IllegalStateException.class)
                .hasMessage("m1: etcd 3.4.23 -> 3.6.4 skips 1 minor version(s): etcd upgrades one minor version at a time;"
                        + " set the version to the newest 3.5 release first, apply, then 3.6.4 (versions.etcd in the inventory)");
    }
}
