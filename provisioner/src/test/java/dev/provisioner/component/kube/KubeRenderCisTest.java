package dev.provisioner.component.kube;

import dev.provisioner.cis.CisChecker;
import dev.provisioner.cis.CisReport;
import dev.provisioner.cis.RenderedHost;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.DesiredFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CIS checker (dev.provisioner.cis) on the render output of every shipped inventory: every
 * decidable check passes on every host. The mutation tests per rule live with the checker.
 */
class KubeRenderCisTest {
    @TempDir
    Path state;

    static List<Path> shipped() throws IOException {
        return KubeRender.shippedInventories();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void everyDecidableCheckPassesOnEveryHost(Path file) {
        Inventory inv = KubeRender.LOADER.load(file);
        Map<String, List<DesiredFile>> rendered = KubeRender.render(inv, state);
        List<RenderedHost> hosts = KubeRender.cisHosts(inv, rendered);
        CisReport report = new CisChecker().check(hosts);
        assertThat(report.failures())
                .as(file + ":\n" + report.render()).isEmpty();
        // The checker really looked at our components on each master and node (not just NOT_APPLICABLE).
        for (RenderedHost h : hosts) {
            String id = h.roles().contains("master") ? "1.2.6" : "4.2.1";
            if (h.roles().contains("master") || h.roles().contains("node")) {
                assertThat(report.result(h.name(), id).orElseThrow().status().name()).as(h.name() + " " + id).isEqualTo("PASS");
            }
        }
    }
}
