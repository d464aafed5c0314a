package dev.provisioner.component.network;

import dev.provisioner.component.etcd.Etcdctl;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.template.TemplateRenderer;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Facts in, actions out for the flannel network config: first member writes once, the others do not; golden JSON. */
public class FlannelNetworkConfigStepTest {
    private final Step step = NetworkConfigPhase.create().steps().get(0);

    /** m1, m2, m3 (masters, etcd from packages), node01; flannel's prefix {@code prefix} or the default. */
    public static Inventory inventory(String prefix) {
        var b = Inventory.builder().clusterName("lab")
                .host("m1", h -> h.address("10.0.0.1").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("m2", h -> h.address("10.0.0.2").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("m3", h -> h.address("10.0.0.3").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("node01", h -> h.address("10.0.0.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.enabled", false)
                .set("cluster.install.etcd", "packages");
        return prefix == null ? b.build() : b.set("cluster.network.etcdPrefix", prefix).build();
    }

    @Test
    void goldenJsonFromTheInventoryDefaults() throws Exception {
        FlannelNetworkConfig c = FlannelNetworkConfig.of(inventory(null), TemplateRenderer.builtIn());
        String golden;
        try (InputStream in = getClass().getResourceAsStream("flannel-network-config.golden")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(c.value() + "\n").isEqualTo(golden);
        assertThat(c.key()).isEqualTo("/coreos.com/network/config");
    }

    @Test
    void firstMemberWritesReadsBackAndRecordsWithTheConfiguredPrefix() {
        Inventory inv = inventory("/atomic.io/network");
        StepOutcome out = step.plan(EngineFixtures.context(inv, "m1", EngineFixtures.debian("m1").build()));
        assertThat(out.actions()).singleElement().isInstanceOfSatisfying(RunCommand.class, r -> {
            assertThat(r.describe()).isEqualTo("write flannel network config /atomic.io/network/config = "
                    + "{\"Network\":\"172.30.0.0/16\",\"SubnetLen\":24,\"Backend\":{\"Type\":\"vxlan\"}} into etcd (v3 API) and read it back");
            assertThat(r.script()).startsWith("key=/atomic.io/network/config\nwant='{\"Network\":\"172.30.0.0/16\",\"SubnetLen\":24,\"Backend\":{\"Type\":\"vxlan\"}}'\n")
                    .contains("ETCDCTL_API=3 /usr/bin/etcdctl --endpoints=https://10.0.0.1:2379,https://10.0.0.2:2379,https://10.0.0.3:2379 --cacert=")
                    .contains(" get --print-value-only \"$key\")")
                    .contains(" put \"$key\" \"$want\"")
                    .endsWith("mv -f " + FlannelNetworkConfigStep.RECORD + ".new " + FlannelNetworkConfigStep.RECORD + "\n");
            assertThat(r.beforeFiles()).isFalse();
        });
    }

    @Test
    void convergedWhenTheVerifiedRecordMatchesAndOtherMembersNeverWrite() {
        Inventory inv = inventory(null);
        StepContext bare = EngineFixtures.context(inv, "m1", null);
        DesiredFile record = step.files(bare).get(0);
        StepOutcome done = step.plan(EngineFixtures.context(inv, "m1", EngineFixtures.debian("m1").file(record).build()));
        assertThat(done.actions()).isEmpty();
        assertThat(done.reason()).isEqualTo("/coreos.com/network/config holds {\"Network\":\"172.30.0.0/16\",\"SubnetLen\":24,"
                + "\"Backend\":{\"Type\":\"vxlan\"}} (written and read back; recorded in " + FlannelNetworkConfigStep.RECORD + ")");
        // A changed network in the inventory is written again.
        Inventory wider = Inventory.builder().clusterName("lab")
                .host("m1", h -> h.address("10.0.0.1").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("node01", h -> h.address("10.0.0.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.enabled", false).set("cluster.network.podCidr", "10.244.0.0/16").build();
        assertThat(step.plan(EngineFixtures.context(wider, "m1", EngineFixtures.debian("m1").file(record).build())).actions()).hasSize(1);

        StepOutcome other = step.plan(EngineFixtures.context(inv, "m2", EngineFixtures.debian("m2").build()));
        assertThat(other.actions()).isEmpty();
        assertThat(other.reason()).isEqualTo("written once, on m1");
        assertThat(step.files(EngineFixtures.context(inv, "m2", null))).isEmpty();
        assertThat(NetworkConfigPhase.create().selectHosts(inv)).extracting(h -> h.name()).containsExactly("m1", "m2", "m3");
    }

    @Test
    void theScriptPutsOnlyADifferentValueAndFailsWhenTheReadBackDiffers() throws Exception {
        // A fake etcdctl keeps the store in a file; the script runs for real in sh.
        Path dir = Files.createTempDirectory("flannel-script-");
        Path store = dir.resolve("store");
        Path log = dir.resolve("log");
        Path fake = dir.resolve("etcdctl");
        Files.writeString(fake, """
                #!/bin/sh
                for a; do last2=$last1; last1=$a; done
                case " $* " in
                  *" get "*) [ -f %1$s ] && cat %1$s; exit 0 ;;
                  *" put "*) echo put >> %2$s; [ -f %3$s ] && exit 0; printf '%%s' "$last1" > %1$s ;;
                esac
                """.formatted(store, log, dir.resolve("readonly")));
        fake.toFile().setExecutable(true);
        FlannelNetworkConfig c = FlannelNetworkConfig.of(inventory(null), TemplateRenderer.builtIn());
        String script = FlannelNetworkConfigStep.script(new Etcdctl(fake.toString(), "https://x:2379"), c)
                .replace(FlannelNetworkConfigStep.RECORD, dir.resolve("record").toString())
                .replace("mkdir -p /var/lib/provisioner/network", "true");
        assertThat(run(script)).isZero();
        assertThat(Files.readString(store)).isEqualTo(c.value());
        assertThat(Files.readString(dir.resolve("record"))).isEqualTo(c.value() + "\n");
        assertThat(run(script)).as("second run reads an equal value and does not put").isZero();
        assertThat(Files.readAllLines(log)).containsExactly("put");
        Files.writeString(store, "{\"Network\":\"10.0.0.0/8\"}");
        Files.delete(dir.resolve("record"));
        Files.writeString(dir.resolve("readonly"), "");
        assertThat(run(script)).as("a put that does not stick fails the action").isNotZero();
        assertThat(Files.exists(dir.resolve("record"))).as("no record without a verified read-back").isFalse();
    }

    private static int run(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-ec", script).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
