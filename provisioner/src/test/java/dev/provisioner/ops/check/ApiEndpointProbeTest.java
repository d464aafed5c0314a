package dev.provisioner.ops.check;

import dev.provisioner.component.kube.HaInventories;
import dev.provisioner.inventory.Inventory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the api-endpoint probe runs, what it asks, and how it reads curl's answer (live: ApiEndpointLabTest). */
class ApiEndpointProbeTest {
    private final ApiEndpointProbe probe = new ApiEndpointProbe();

    @Test
    void runsOnEveryHostThatIsNotAMasterThroughItsProxy() {
        Inventory inv = HaInventories.threeMasters("");
        assertThat(probe.runsOn(inv)).extracting(h -> h.name()).containsExactly("node-0", "node-1");
        assertThat(probe.script(inv, inv.host("node-0").orElseThrow()))
                .contains("--cert /etc/kubernetes/pki/kubelet-client.crt").contains("https://127.0.0.1:6443/readyz");
        Inventory lb = HaInventories.threeMasters("  apiEndpoint: {address: 10.10.9.9}\n");
        assertThat(probe.script(lb, lb.host("node-1").orElseThrow())).contains("https://10.10.9.9:6443/readyz");
    }

    @Test
    void oneMasterWithoutAnEndpointHasNothingToProbe() {
        Inventory inv = Inventory.loader().withEnv(n -> "x").load(Path.of("..", "inventories", "blog-2018.yaml"));
        assertThat(probe.runsOn(inv)).isEmpty();
    }

    @Test
    void readsTheAnswer() {
        Inventory inv = HaInventories.threeMasters("");
        var node = inv.host("node-0").orElseThrow();
        assertThat(probe.parse(inv, node, new ProbeOutput(0, "ok\nhttp=200\n")).get(0).status()).isEqualTo(ProbeStatus.OK);
        ProbeResult down = probe.parse(inv, node, new ProbeOutput(0, "no healthy upstream\nhttp=503\n")).get(0);
        assertThat(down.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(down.detail()).startsWith("HTTP 503").endsWith("(GET https://127.0.0.1:6443/readyz on node-0 as its kubelet)");
        ProbeResult refused = probe.parse(inv, node, new ProbeOutput(7, "curl: (7) Failed to connect to 127.0.0.1 port 6443\nhttp=000\n")).get(0);
        assertThat(refused.detail()).contains("Failed to connect");
    }
}
