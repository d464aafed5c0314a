package dev.provisioner.inventory;

import dev.provisioner.Secret;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The builder goes through the same rules as a file and reports YAML paths. */
class BuilderTest {
    private static final Path KEY = Path.of("/keys/id_ed25519");

    private static InventoryBuilder blog() {
        return Inventory.builder()
                .clusterName("demo")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(KEY))
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(KEY))
                .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(KEY));
    }

    @Test
    void buildsTheSameModelAsAFile() {
        Inventory inv = blog()
                .set("cluster.network.etcdPrefix", "/atomic.io/network")
                .set("cluster.network.backend", FlannelBackend.HOST_GW)
                .build();
        assertThat(inv.source()).isEqualTo("<builder>");
        assertThat(inv.view().registryEndpoint()).contains("10.4.4.8:5000");
        assertThat(inv.cluster().network().etcdPrefix()).isEqualTo("/atomic.io/network");
        assertThat(inv.cluster().network().backend()).isEqualTo(FlannelBackend.HOST_GW);
        assertThat(inv.hosts().get(0).auth()).isEqualTo(new HostAuth.KeyFile(KEY, java.util.Optional.empty()));
        assertThat(inv.cluster().clusterDns()).isEqualTo("10.96.0.10");
    }

    @Test
    void everyHostSetter() {
        Inventory inv = Inventory.builder()
                .clusterName("demo")
                .host("m", h -> h.address("m.example.com").internalAddress("10.0.0.1").port(2222).user("ops")
                        .keyFile(KEY, Secret.of("pp")).sudo(SudoMode.PASSWORD).sudoPassword(Secret.of("sp"))
                        .roles(Role.MASTER, Role.NODE).label("example.com/disk", "ssd").bastion("jump.example.com", 22)
                        .set("overrides.flannelIface", "eth1"))
                .set("cluster.registry.enabled", false)
                .build();
        Host m = inv.hosts().get(0);
        assertThat(m.sudoPassword().orElseThrow().reveal()).isEqualTo("sp");
        assertThat(m.labels()).containsEntry("example.com/disk", "ssd");
        assertThat(m.bastion().orElseThrow().user()).isEqualTo("ops");
        assertThat(m.overrides().flannelIface()).contains("eth1");
        assertThat(inv.warnings()).as("secrets given as Secret objects are not plain text").isEmpty();
    }

    @Test
    void validationUsesYamlPaths() {
        InventoryException e = catchThrowableOfType(InventoryException.class, () -> blog()
                .host("node02", h -> h.address("10.4.4.300").roles(Role.NODE).keyFile(KEY).port(70000))
                .set("cluster.network.podCidr", "172.30.0.1/16")
                .build());
        assertThat(e.format().lines().toList()).containsExactly(
                "<builder>: hosts[3].address: '10.4.4.300' is not a valid IPv4 address or host name (fix: write four numbers 0-255 "
                        + "separated by dots (e.g. 10.4.4.4) or a DNS name of letters, digits, '-' and '.')",
                "<builder>: hosts[3].port: 70000 is out of range (fix: use a number between 1 and 65535)",
                "<builder>: cluster.network.podCidr: 172.30.0.1/16 has host bits set; did you mean 172.30.0.0/16? (fix: write 172.30.0.0/16)");
        assertThat(e.problems().get(0).line()).isZero();
    }

    @Test
    void crossFieldRulesApplyToo() {
        InventoryException e = catchThrowableOfType(InventoryException.class, () -> Inventory.builder()
                .clusterName("demo")
                .host("a", h -> h.address("10.0.0.1").roles(Role.MASTER).keyFile(KEY))
                .host("a", h -> h.address("10.0.0.1").roles(Role.MASTER).keyFile(KEY))
                .build());
        assertThat(e.format().lines().toList()).containsExactly(
                "<builder>: hosts[1].name: duplicate host name 'a' (also hosts[0]) (fix: give every host a unique name)",
                "<builder>: hosts[1].address: address 10.0.0.1 port 22 is already used by hosts[0] 'a' (fix: give every host its own address (or SSH port))",
                "<builder>: hosts: no host has the role 'node' (fix: add node to the roles of at least one host (a master may also be a node))",
                "<builder>: hosts: no host has the role 'registry' but cluster.registry is enabled "
                        + "(fix: add registry to the roles of one host, or set cluster.registry.enabled: false)",
                "<builder>: hosts: 2 etcd members cannot lose either one (a quorum of 2 needs both) "
                        + "(fix: use 1 or 3 etcd members: etcd runs on the masters unless hosts have the role etcd)");
    }

    @Test
    void stringsFromCodeAreNeverYamlTrapsButUnsafeValuesAreStillRefused() {
        Inventory inv = blog().set("cluster.versions.kubernetes", "1.34.1").build();
        assertThat(inv.cluster().versions().kubernetes()).isEqualTo("1.34.1");
        InventoryException e = catchThrowableOfType(InventoryException.class,
                () -> blog().set("defaults.user", "root;reboot").build());
        assertThat(e.format()).isEqualTo("<builder>: defaults.user: 'root;reboot' contains the shell metacharacter ';' "
                + "(fix: remove it: this value reaches a command line or a config file on the hosts)");
    }

    @Test
    void environmentReferencesResolveThroughTheBuildersLookup() {
        Inventory inv = blog().env(Map.of("PW", "x")::get)
                .set("defaults.sudo", "password").set("defaults.sudoPassword", "${env:PW}").build();
        assertThat(inv.hosts()).extracting(h -> h.sudoPassword().orElseThrow().reveal()).containsOnly("x");
        assertThat(List.copyOf(inv.warnings())).isEmpty();
    }
}
