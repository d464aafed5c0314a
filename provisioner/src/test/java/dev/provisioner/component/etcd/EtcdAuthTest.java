package dev.provisioner.component.etcd;

import dev.provisioner.component.network.FlannelNetworkConfigStepTest;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Facts in, actions out for etcd auth: who gets which role, set up once on the first member, re-run when the spec changes. */
class EtcdAuthTest {
    private final Step step = EtcdPhase.create(new EtcdRelease(a -> {
        throw new AssertionError("no release needed");
    }, java.util.List.of("etcd"))).steps().stream().filter(s -> s.name().equals("etcd-auth")).findFirst().orElseThrow();

    private static Inventory inventory(String prefix) {
        return FlannelNetworkConfigStepTest.inventory(prefix);
    }

    @Test
    void theSpecGivesFlannelItsPrefixOnlyAndTheApiserverItsKeyspace() {
        assertThat(EtcdAuth.spec(inventory("/atomic.io/network"))).isEqualTo("""
                grant kube-apiserver readwrite /registry/ prefix
                grant kube-apiserver readwrite compact_rev_key key
                grant kube-apiserver read health key
                grant flannel readwrite /atomic.io/network/ prefix
                grant etcd-healthcheck read /atomic.io/network/ prefix
                user root root
                user kube-apiserver-etcd-client kube-apiserver
                user flannel flannel
                user kube-etcd-healthcheck-client etcd-healthcheck
                auth enabled
                """);
        assertThat(EtcdAuth.flannelPrefix(inventory(null))).as("the trailing slash keeps /coreos.com/network2 out").isEqualTo("/coreos.com/network/");
    }

    @Test
    void theFirstMemberSetsUpUsersBeforeSwitchingAuthOnAsRootAndProvesIt() {
        StepOutcome out = step.plan(EngineFixtures.context(inventory(null), "m1", EngineFixtures.debian("m1").build()));
        assertThat(out.actions()).singleElement().isInstanceOfSatisfying(RunCommand.class, r -> {
            String s = r.script();
            assertThat(s).contains("e() { ETCDCTL_API=3 /usr/bin/etcdctl --endpoints=https://10.0.0.1:2379 --cacert=/etc/etcd/pki/ca.crt"
                            + " --cert=/etc/etcd/pki/root-client.crt --key=/etc/etcd/pki/root-client.key")
                    .contains("e user get root >/dev/null 2>&1 || e user add root --no-password >/dev/null\ne user grant-role root root")
                    .contains("e role grant-permission flannel readwrite /coreos.com/network/ --prefix=true >/dev/null\n")
                    .contains("e role grant-permission kube-apiserver readwrite compact_rev_key >/dev/null\n")
                    .contains("--cert=/etc/etcd/pki/healthcheck-client.crt --key=/etc/etcd/pki/healthcheck-client.key"
                            + " --dial-timeout=5s --command-timeout=10s put /provisioner/auth-probe x")
                    .endsWith("etcd auth is on: root, kube-apiserver-etcd-client, flannel and kube-etcd-healthcheck-client have their roles'\n");
            assertThat(s.indexOf("e auth enable")).as("every user exists before auth goes on")
                    .isGreaterThan(s.lastIndexOf("e user grant-role"));
            assertThat(s.indexOf("revoke-permission")).as("stale grants go first").isLessThan(s.indexOf("grant-permission"));
        });
        StepOutcome other = step.plan(EngineFixtures.context(inventory(null), "m2", EngineFixtures.debian("m2").build()));
        assertThat(other.actions()).isEmpty();
        assertThat(other.reason()).isEqualTo("set up once, on m1");
    }

    @Test
    void convergedWhileTheRecordMatchesAndRunAgainWhenThePrefixChanges() {
        StepContext bare = EngineFixtures.context(inventory(null), "m1", null);
        DesiredFile record = step.files(bare).get(0);
        assertThat(record.path()).isEqualTo(EtcdAuth.RECORD);
        assertThat(record.mode()).isEqualTo(0600);
        assertThat(step.plan(EngineFixtures.context(inventory(null), "m1", EngineFixtures.debian("m1").file(record).build())).actions())
                .isEmpty();
        assertThat(step.plan(EngineFixtures.context(inventory("/atomic.io/network"), "m1", EngineFixtures.debian("m1").file(record).build()))
                .actions()).singleElement().isInstanceOfSatisfying(RunCommand.class,
                        r -> assertThat(r.script()).contains("grant-permission flannel readwrite /atomic.io/network/ --prefix=true"));
    }
}
