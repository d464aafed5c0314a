package dev.provisioner.component.flannel;

import dev.provisioner.inventory.Inventory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** flanneld's flags from a parsed inventory: {@code overrides.flannelIface} reaches {@code --iface}. */
class FlannelFlagsTest {
    private static final String INVENTORY = """
            defaults:
              auth:
                keyFile: ~/.ssh/id_ed25519
            hosts:
              - name: master
                address: 10.4.4.4
                roles: [master]
              - name: node01
                address: 10.4.4.5
                roles: [node]
                overrides:
                  flannelIface: eth1
            cluster:
              name: blog
              registry:
                enabled: false
            """;

    @Test
    void theHostsFlannelInterfaceOverrideIsPassedToFlanneld() {
        Inventory inv = Inventory.parse(INVENTORY, "test.yaml");
        assertThat(FlannelFiles.flags(inv, inv.host("node01").orElseThrow())).contains("--iface=eth1")
                .doesNotContain("--iface=10.4.4.5").contains("--public-ip=10.4.4.5");
        assertThat(FlannelFiles.flags(inv, inv.host("master").orElseThrow())).contains("--iface=10.4.4.4");
    }
}
