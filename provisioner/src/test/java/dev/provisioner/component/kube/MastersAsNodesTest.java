package dev.provisioner.component.kube;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.plan.StandardPlan;
import dev.provisioner.step.DesiredFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Masters run containerd, flanneld, kubelet and kube-proxy and register tainted, unless cluster.masters.schedulable. */
class MastersAsNodesTest {
    @TempDir
    Path state;

    @Test
    void mastersAreTaintedNodes() {
        Inventory inv = HaInventories.threeMasters("");
        Map<String, List<DesiredFile>> rendered = KubeRender.render(inv, state);
        for (String m : List.of("master-0", "master-1", "master-2")) {
            assertThat(KubeRender.file(rendered, m, KubePaths.unit("kubelet"))).isPresent();
            assertThat(KubeRender.file(rendered, m, KubePaths.unit("kube-proxy"))).isPresent();
            assertThat(KubeRender.file(rendered, m, "/etc/cni/net.d/10-flannel.conflist")).isPresent();
            assertThat(KubeRender.file(rendered, m, KubePaths.KUBELET_CONFIG).orElseThrow().text())
                    .contains("registerWithTaints:\n  - key: node-role.kubernetes.io/control-plane\n    effect: NoSchedule\n");
            assertThat(KubeRender.file(rendered, m, ControlPlaneNodeStep.MARKER).orElseThrow().text())
                    .contains("taint: node-role.kubernetes.io/control-plane:NoSchedule");
        }
        assertThat(KubeRender.file(rendered, "node-0", KubePaths.KUBELET_CONFIG).orElseThrow().text()).doesNotContain("registerWithTaints");
        assertThat(KubeRender.file(rendered, "node-0", ControlPlaneNodeStep.MARKER)).isEmpty();
        assertThat(StandardPlan.create(inv).phases().stream().filter(p -> p.title().equals("container-runtime")).findFirst().orElseThrow()
                .selectHosts(inv)).extracting(h -> h.name()).containsExactly("master-0", "master-1", "master-2", "node-0", "node-1");
    }

    @Test
    void theSwitchMakesMastersSchedulable() {
        Inventory inv = HaInventories.threeMasters("  masters: {schedulable: true}\n");
        Map<String, List<DesiredFile>> rendered = KubeRender.render(inv, state);
        assertThat(KubeRender.file(rendered, "master-1", KubePaths.KUBELET_CONFIG).orElseThrow().text()).doesNotContain("registerWithTaints");
        assertThat(KubeRender.file(rendered, "master-1", ControlPlaneNodeStep.MARKER).orElseThrow().text()).contains("taint: none");
        assertThat(ControlPlaneNodeStep.script("master-1", true))
                .contains("label node master-1 node-role.kubernetes.io/control-plane= --overwrite")
                .contains("taint node master-1 node-role.kubernetes.io/control-plane:NoSchedule-");
        assertThat(ControlPlaneNodeStep.script("master-1", false))
                .contains("taint node master-1 node-role.kubernetes.io/control-plane:NoSchedule --overwrite");
    }
}
