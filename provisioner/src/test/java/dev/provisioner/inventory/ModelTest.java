package dev.provisioner.inventory;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Defaults, every field of the model, the derived view and the computed no_proxy. */
class ModelTest {
    private static final InventoryLoader LOADER = Inventory.loader()
            .withEnv(Map.of("KEY_PASSPHRASE", "kp", "JUMP_PASSWORD", "jp", "REGISTRY_PASSWORD", "rp")::get)
            .withHome(Path.of("/home/tester"));

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ModelTest.class.getResource("/inventories/" + name).toURI());
    }

    @Test
    void defaultsOfAMinimalInventory() {
        Inventory inv = Fixtures.parse(Fixtures.VALID);
        Cluster c = inv.cluster();
        assertThat(c.name()).isEqualTo("blog");
        assertThat(c.versions()).isEqualTo(Versions.DEFAULTS);
        assertThat(c.network()).isEqualTo(new PodNetwork(Cidr.parse("172.30.0.0/16"), 24, FlannelBackend.VXLAN, "/coreos.com/network"));
        assertThat(c.serviceCidr()).hasToString("10.96.0.0/12");
        assertThat(c.clusterDns()).isEqualTo("10.96.0.10");
        assertThat(c.clusterDomain()).isEqualTo("cluster.local");
        assertThat(c.registry()).isEqualTo(new RegistrySettings(true, Optional.of("registry"), 5000, true, false, Optional.empty()));
        assertThat(c.containerRuntime()).isEqualTo(ContainerRuntime.CONTAINERD);
        assertThat(c.install().sources().values()).containsOnly(InstallSource.BINARIES);
        assertThat(c.install().artifactsDir()).isEmpty();
        assertThat(c.proxy()).isEmpty();
        assertThat(c.ssh()).isEqualTo(new SshSettings(SshTransport.SSHJ, Path.of("/home/tester/.ssh/known_hosts"),
                HostKeyPolicy.STRICT, 10, Duration.ofSeconds(10)));
        Host master = inv.hosts().get(0);
        assertThat(master.port()).isEqualTo(22);
        assertThat(master.user()).isEqualTo("root");
        assertThat(master.sudo()).isEqualTo(SudoMode.NONE);
        assertThat(master.internalAddress()).isEqualTo("10.4.4.4");
        assertThat(master.overrides()).isEqualTo(HostOverrides.NONE);
        assertThat(master.bastion()).isEmpty();
        assertThat(inv.warnings()).isEmpty();
    }

    @Test
    void nonRootUsersDefaultToPasswordlessSudo() {
        Inventory inv = Fixtures.parse(Fixtures.replace("  auth:", "  user: ubuntu\n  auth:"));
        assertThat(inv.hosts()).extracting(Host::sudo).containsOnly(SudoMode.PASSWORDLESS);
    }

    @Test
    void everyFieldIsRead() throws Exception {
        Path file = resource("full.yaml");
        Inventory inv = LOADER.load(file);
        Path dir = file.getParent();
        Host m1 = inv.host("m1").orElseThrow();
        assertThat(m1.port()).isEqualTo(2222);
        assertThat(m1.user()).isEqualTo("ops");
        assertThat(m1.sudo()).isEqualTo(SudoMode.PASSWORDLESS);
        assertThat(m1.auth()).isInstanceOfSatisfying(HostAuth.KeyFile.class, k -> {
            assertThat(k.keyFile()).isEqualTo(dir.resolve("keys/id_ed25519"));
            assertThat(k.passphrase().orElseThrow().reveal()).isEqualTo("kp");
        });
        assertThat(m1.overrides()).isEqualTo(new HostOverrides(Optional.of(SshTransport.JSCH), Optional.of(Duration.ofSeconds(30)), Optional.of("eth1")));
        Host w1 = inv.host("w1").orElseThrow();
        assertThat(w1.port()).isEqualTo(22);
        assertThat(w1.sudo()).isEqualTo(SudoMode.NONE);
        assertThat(w1.labels()).containsExactly(Map.entry("example.com/disk", "ssd"), Map.entry("tier", ""));
        Bastion jump = inv.host("reg").orElseThrow().bastion().orElseThrow();
        assertThat(jump.address()).isEqualTo("jump.example.com");
        assertThat(jump.port()).isEqualTo(2200);
        assertThat(jump.user()).isEqualTo("jumper");
        assertThat(((HostAuth.Password) jump.auth()).password().reveal()).isEqualTo("jp");

        Cluster c = inv.cluster();
        assertThat(c.versions()).isEqualTo(new Versions("1.33.2", "3.5.21", "0.27.0", "1.7.28", Versions.REGISTRY));
        assertThat(c.network()).isEqualTo(new PodNetwork(Cidr.parse("10.244.0.0/16"), 26, FlannelBackend.HOST_GW, "/atomic.io/network"));
        assertThat(c.network().backend().flannelType()).isEqualTo("host-gw");
        assertThat(c.clusterDns()).isEqualTo("10.32.0.53");
        assertThat(c.clusterDomain()).isEqualTo("corp.local");
        assertThat(c.registry().port()).isEqualTo(5443);
        assertThat(c.registry().insecure()).isTrue();
        assertThat(c.registry().auth().orElseThrow().user()).isEqualTo("pusher");
        assertThat(c.install().source(Component.KUBERNETES)).isEqualTo(InstallSource.ARTIFACTS);
        assertThat(c.install().source(Component.FLANNEL)).isEqualTo(InstallSource.BINARIES);
        assertThat(c.install().source(Component.ETCD)).isEqualTo(InstallSource.PACKAGES);
        assertThat(c.install().artifactsDir()).contains(dir.resolve("artifacts"));
        assertThat(c.ssh()).isEqualTo(new SshSettings(SshTransport.JSCH, Path.of("/home/tester/ssh/known_hosts"),
                HostKeyPolicy.ACCEPT_NEW, 3, Duration.ofSeconds(5)));
        assertThat(inv.warnings()).isEmpty();
    }

    @Test
    void noProxyIsComputed() throws Exception {
        ProxySettings proxy = LOADER.load(resource("full.yaml")).cluster().proxy().orElseThrow();
        assertThat(proxy.http()).contains("http://proxy.example.com:3128");
        assertThat(proxy.noProxy()).containsExactly("localhost", "127.0.0.1",
                "m1", "m1.example.com", "192.168.10.11", "m2", "192.168.10.12", "m3", "192.168.10.13",
                "w1", "192.168.10.21", "reg", "fd00::30", "10.32.0.0/16", "10.244.0.0/16", ".svc", ".corp.local",
                ".example.com", "10.0.0.0/8");
        assertThat(proxy.noProxyValue()).startsWith("localhost,127.0.0.1,m1,");
    }

    @Test
    void clusterView() throws Exception {
        Inventory inv = LOADER.load(resource("full.yaml"));
        ClusterView view = inv.view();
        assertThat(view.masters()).extracting(Host::name).containsExactly("m1", "m2", "m3");
        assertThat(view.firstMaster().name()).isEqualTo("m1");
        assertThat(view.nodes()).extracting(Host::name).containsExactly("w1");
        assertThat(view.etcdMembers()).extracting(Host::name).containsExactly("m1", "m2", "m3");
        assertThat(view.hostsWithRole(Role.ETCD)).isEqualTo(view.etcdMembers());
        assertThat(view.flannelHosts()).extracting(Host::name).containsExactly("m1", "m2", "m3", "w1");
        assertThat(view.registryHost().map(Host::name)).contains("reg");
        assertThat(view.registryEndpoint()).contains("[fd00::30]:5443");
    }

    @Test
    void modelIsImmutable() {
        Inventory inv = Fixtures.parse(Fixtures.VALID);
        assertThatThrownBy(() -> inv.hosts().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> inv.hosts().get(0).roles().add(Role.NODE)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> inv.hosts().get(0).labels().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> inv.cluster().install().sources().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void loadReportsTheFileNameAsGivenAndAllErrors() throws Exception {
        InventoryException e = catchThrowableOfType(InventoryException.class, () -> LOADER.load(resource("broken.yaml")));
        String name = resource("broken.yaml").toString();
        assertThat(e.format().lines().toList()).containsExactly(
                name + ":3:5: hosts[0].adress: unknown key 'adress' (did you mean 'address'?) (fix: valid keys here: name, address, "
                        + "internalAddress, port, user, auth, sudo, sudoPassword, roles, labels, overrides, bastion)",
                name + ":2:5: hosts[0].address: missing required key 'address' (fix: give the IP address or DNS name SSH connects to)",
                name + ":9:14: cluster.network.podCidr: 172.30.0.1/16 has host bits set; did you mean 172.30.0.0/16? (fix: write 172.30.0.0/16)");
        assertThat(e.getMessage()).isEqualTo(e.format());
        assertThat(e.problems()).allMatch(ValidationProblem::isError);
        ValidationProblem first = e.problems().get(0);
        assertThat(List.of(first.line(), first.column())).containsExactly(3, 5);
        assertThat(first.field()).isEqualTo("adress");
        assertThat(first.path()).isEqualTo("hosts[0].adress");
    }

    @Test
    void missingFile() {
        InventoryException e = catchThrowableOfType(InventoryException.class, () -> Inventory.load(Path.of("no/such.yaml")));
        assertThat(e.format()).isEqualTo("no/such.yaml: the file does not exist (fix: check the path given with -i)");
    }

    @Test
    void cidrArithmetic() {
        Cidr c = Cidr.parse("10.96.0.0/12");
        assertThat(c.size()).isEqualTo(1L << 20);
        assertThat(c.addressAt(10)).isEqualTo("10.96.0.10");
        assertThat(c.contains("10.111.255.255")).isTrue();
        assertThat(c.contains("10.112.0.0")).isFalse();
        assertThat(c.overlaps(Cidr.parse("10.100.0.0/16"))).isTrue();
        assertThat(c.overlaps(Cidr.parse("172.30.0.0/16"))).isFalse();
        assertThatThrownBy(() -> Cidr.parse("10.96.0.1/12")).hasMessage("10.96.0.1/12 has host bits set; did you mean 10.96.0.0/12?");
    }

    @Test
    void ipv6Literals() {
        assertThat(List.of("::", "::1", "fd00::30", "1:2:3:4:5:6:7:8", "::ffff:10.0.0.1", "fe80::1:2"))
                .allMatch(IpLiterals::isIpv6);
        assertThat(List.of(":", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "g::1", "1:2:3:4:5:6:7"))
                .noneMatch(IpLiterals::isIpv6);
    }
}
