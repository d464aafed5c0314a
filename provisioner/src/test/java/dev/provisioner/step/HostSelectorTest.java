package dev.provisioner.step;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which hosts a phase works on, by role, with exclusions, in inventory order. */
class HostSelectorTest {
    private static final Path KEY = Path.of("/keys/id_ed25519");
    /** n1 (node), m1 (master and node), r1 (registry), e1 (etcd), in that order. */
    private static final Inventory INVENTORY = Inventory.builder().clusterName("sel")
            .host("n1", h -> h.address("10.0.0.1").roles(Role.NODE).keyFile(KEY))
            .host("m1", h -> h.address("10.0.0.2").roles(Role.MASTER, Role.NODE).keyFile(KEY))
            .host("r1", h -> h.address("10.0.0.3").roles(Role.REGISTRY).keyFile(KEY))
            .host("e1", h -> h.address("10.0.0.4").roles(Role.ETCD).keyFile(KEY))
            .set("cluster.registry.tls", false)
            .build();

    private static List<String> names(HostSelector s) {
        return s.select(INVENTORY).stream().map(Host::name).toList();
    }

    @Test
    void allIsEveryHostInInventoryOrder() {
        assertThat(names(HostSelector.all())).containsExactly("n1", "m1", "r1", "e1");
        assertThat(HostSelector.all()).hasToString("all hosts");
    }

    @Test
    void rolesSelectHostsWithAnyOfThemOnceEachInInventoryOrder() {
        assertThat(names(HostSelector.roles(Role.MASTER))).containsExactly("m1");
        assertThat(names(HostSelector.roles(Role.ETCD, Role.MASTER))).containsExactly("m1", "e1");
        assertThat(names(HostSelector.roles(Role.REGISTRY, Role.NODE))).containsExactly("n1", "m1", "r1");
        assertThat(names(HostSelector.roles(Role.ETCD))).as("the etcd members are the hosts with role etcd").containsExactly("e1");
        assertThat(HostSelector.roles(Role.MASTER)).hasToString("hosts with role [MASTER]");
    }

    @Test
    void excludingLeavesOutHostsWithThatRoleAndAddsUp() {
        assertThat(names(HostSelector.roles(Role.NODE).excluding(Role.MASTER))).containsExactly("n1");
        assertThat(names(HostSelector.all().excluding(Role.MASTER))).containsExactly("n1", "r1", "e1");
        HostSelector twice = HostSelector.all().excluding(Role.MASTER).excluding(Role.REGISTRY);
        assertThat(names(twice)).containsExactly("n1", "e1");
        assertThat(twice.without()).containsExactlyInAnyOrder(Role.MASTER, Role.REGISTRY);
        assertThat(HostSelector.roles(Role.NODE).excluding(Role.MASTER)).hasToString("hosts with role [NODE] but not [MASTER]");
        assertThat(HostSelector.roles(Role.NODE).excluding(Role.MASTER).roles()).containsExactly(Role.NODE);
    }

    @Test
    void aNullOrEmptyExclusionIsNone() {
        assertThat(new HostSelector(Set.of(Role.MASTER), null).without()).isEmpty();
        assertThat(new HostSelector(Set.of(), Set.of())).isEqualTo(HostSelector.all());
        assertThat(names(new HostSelector(Set.of(), Set.of(Role.NODE)))).containsExactly("r1", "e1");
    }
}
