package dev.provisioner.component.kube;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.Provisioner;
import dev.provisioner.facts.HostResolver;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Step;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kubelet's resolvConf follows the host's resolver: systemd-resolved active (Ubuntu's default)
 * means the upstream list /run/systemd/resolve/resolv.conf, else /etc/resolv.conf (issue 19). The
 * live half, a lab host with Debian's systemd-resolved package, is in PlatformsLabTest.
 */
class KubeletResolvConfTest {
    @TempDir
    Path state;

    @Test
    void kubeletGetsTheUpstreamResolvConfWhereSystemdResolvedRuns() {
        Inventory inv = KubeRender.LOADER.load(KubeRender.INVENTORIES.resolve("blog-2018.yaml"));
        Phase node = EngineHooks.phases(EngineHooks.builder(inv).stateDirectory(state).downloads(false).build()).phases().stream()
                .filter(p -> p.title().equals(NodePhase.TITLE)).findFirst().orElseThrow();
        Step config = node.steps().stream().filter(s -> s.name().equals("kube-node-config")).findFirst().orElseThrow();
        String host = inv.view().nodes().get(0).name();

        var ubuntu = EngineFixtures.context(inv, host, EngineFixtures.debian(host).unit(HostResolver.UNIT, "active", "enabled").build());
        var plain = EngineFixtures.context(inv, host, EngineFixtures.debian(host).build());
        assertThat(config.facts(plain).units()).contains(HostResolver.UNIT);
        assertThat(kubeletConfig(config, ubuntu)).contains("\nresolvConf: /run/systemd/resolve/resolv.conf\n");
        assertThat(kubeletConfig(config, plain)).contains("\nresolvConf: /etc/resolv.conf\n");
        var stopped = EngineFixtures.context(inv, host, EngineFixtures.debian(host).unit(HostResolver.UNIT, "inactive", "disabled").build());
        assertThat(kubeletConfig(config, stopped)).contains("\nresolvConf: /etc/resolv.conf\n");
    }

    private static String kubeletConfig(Step step, dev.provisioner.step.StepContext ctx) {
        return step.files(ctx).stream().filter(f -> f.path().equals(KubePaths.KUBELET_CONFIG)).findFirst().orElseThrow().text();
    }
}
