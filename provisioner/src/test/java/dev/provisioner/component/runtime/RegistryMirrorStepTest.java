package dev.provisioner.component.runtime;

import dev.provisioner.testsupport.EngineFixtures;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.DesiredFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The mirror hosts.toml files for registry.k8s.io and docker.io, from inventories with and without a registry. */
class RegistryMirrorStepTest {
    private final RegistryMirrorStep step = new RegistryMirrorStep(RuntimeOptions.defaults());

    private static Inventory inventory(boolean registry, boolean fallback) {
        var b = Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
                .set("cluster.install.imageFallback", fallback);
        return registry ? b.host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(EngineFixtures.KEY)).build()
                : b.set("cluster.registry.enabled", false).build();
    }

    private List<DesiredFile> files(Inventory inv) {
        return step.files(EngineFixtures.context(inv, "node01", EngineFixtures.debian("node01").build()));
    }

    @Test
    void upstreamRegistriesArePulledFromThePrivateRegistryWithoutFallback() {
        List<DesiredFile> files = files(inventory(true, false));
        assertThat(files).extracting(DesiredFile::path).containsExactly(
                "/etc/containerd/certs.d/registry.k8s.io/hosts.toml", "/etc/containerd/certs.d/docker.io/hosts.toml");
        assertThat(files.get(0).text()).contains("server = \"https://10.4.4.8:5000\"\n")
                .contains("[host.\"https://10.4.4.8:5000/v2/registry.k8s.io\"]\n")
                .contains("  capabilities = [\"pull\", \"resolve\"]\n  override_path = true\n")
                .contains("  ca = \"/etc/kubernetes/pki/ca.crt\"").doesNotContain("\"push\"");
        assertThat(files.get(1).text()).contains("[host.\"https://10.4.4.8:5000/v2/docker.io\"]");
    }

    @Test
    void theUpstreamIsTheFallbackOnlyWhenTheInventoryAllowsIt() {
        List<DesiredFile> files = files(inventory(true, true));
        assertThat(files.get(0).text()).contains("server = \"https://registry.k8s.io\"\n");
        assertThat(files.get(1).text()).contains("server = \"https://registry-1.docker.io\"\n");
    }

    @Test
    void withoutARegistryNothingIsMirrored() {
        assertThat(files(inventory(false, false))).isEmpty();
    }
}
