package dev.provisioner.component.addons;

import dev.provisioner.component.runtime.RuntimeOptions;
import dev.provisioner.images.ClusterImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The images bundle create pulls are the ones the cluster runs: containerd's sandbox image and CoreDNS's. */
class ClusterImagesAgreementTest {
    @Test
    void theBundledImagesAreTheOnesTheClusterUses() {
        assertThat(ClusterImages.PAUSE).isEqualTo(RuntimeOptions.SANDBOX_IMAGE);
        assertThat(ClusterImages.COREDNS).isEqualTo(AddonFiles.COREDNS_IMAGE);
        assertThat(ClusterImages.REQUIRED).containsExactly(RuntimeOptions.SANDBOX_IMAGE, AddonFiles.COREDNS_IMAGE,
                "docker.io/library/nginx:1.27");
    }
}
