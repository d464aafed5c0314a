package dev.provisioner.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every inventory shipped in ../inventories validates (lab.yaml too, when the lab has generated it). */
class ShippedInventoriesTest {
    private static final Path DIR = Path.of("..", "inventories");
    /** Any ${env:NAME} in a shipped inventory resolves to a fake value. */
    private static final InventoryLoader LOADER = Inventory.loader().withEnv(name -> "fake-" + name);

    static Stream<Path> shipped() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void validates(Path file) {
        Inventory inventory = LOADER.load(file);
        assertThat(inventory.hosts()).isNotEmpty();
        assertThat(inventory.view().masters()).isNotEmpty();
    }

    @Test
    void theReferenceFilesAreThere() throws IOException {
        assertThat(shipped().map(p -> p.getFileName().toString())).contains("blog-2018.yaml", "azure-ha.yaml");
    }

    @Test
    void blog2018ReproducesTheRecipe() {
        Inventory inv = LOADER.load(DIR.resolve("blog-2018.yaml"));
        assertThat(inv.hosts()).extracting(Host::name, Host::address).containsExactly(
                org.assertj.core.groups.Tuple.tuple("master", "10.4.4.4"), org.assertj.core.groups.Tuple.tuple("node01", "10.4.4.5"),
                org.assertj.core.groups.Tuple.tuple("node02", "10.4.4.7"), org.assertj.core.groups.Tuple.tuple("registry", "10.4.4.8"));
        assertThat(inv.view().registryEndpoint()).contains("10.4.4.8:5000");
        assertThat(inv.view().etcdMembers()).extracting(Host::name).containsExactly("master");
        assertThat(inv.view().flannelHosts()).extracting(Host::name).containsExactly("master", "node01", "node02");
        PodNetwork net = inv.cluster().network();
        assertThat(net.podCidr()).hasToString("172.30.0.0/16");
        assertThat(net.subnetLen()).isEqualTo(24);
        assertThat(net.backend()).isEqualTo(FlannelBackend.VXLAN);
        assertThat(net.etcdPrefix()).isEqualTo("/atomic.io/network");
        assertThat(inv.warnings()).isEmpty();
    }

    @Test
    void azureHaHasThreeMastersBehindPublicNamesAndABastion() {
        Inventory inv = LOADER.load(DIR.resolve("azure-ha.yaml"));
        assertThat(inv.view().etcdMembers()).extracting(Host::internalAddress).containsExactly("10.10.1.4", "10.10.1.5", "10.10.1.6");
        Host node = inv.host("node-0").orElseThrow();
        assertThat(node.bastion()).isPresent();
        assertThat(node.bastion().orElseThrow().user()).isEqualTo("azureuser");
        assertThat(node.sudo()).isEqualTo(SudoMode.PASSWORD);
        assertThat(node.sudoPassword().orElseThrow().reveal()).isEqualTo("fake-AZURE_SUDO_PASSWORD");
        assertThat(inv.host("master-0").orElseThrow().bastion()).isEmpty();
        assertThat(List.of(inv.cluster().ssh().hostKeyPolicy())).containsExactly(HostKeyPolicy.ACCEPT_NEW);
    }
}
