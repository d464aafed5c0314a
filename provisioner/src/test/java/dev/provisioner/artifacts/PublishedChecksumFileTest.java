package dev.provisioner.artifacts;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each publisher's checksum file in the shape its release tooling writes it (docs/artifacts.md, "Publisher
 * checksum files", names the scripts): the digest for the release file is found, and only for that file.
 */
class PublishedChecksumFileTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "c".repeat(64);
    private static final URI SRC = URI.create("https://example.invalid/sums");

    private static String find(String text, String file) {
        return PublishedChecksumFile.find(text, file, SRC);
    }

    @Test
    void bareHexFilesOfDlK8sIoCriToolsAndDistribution() {
        assertThat(find(A + "\n", "kube-apiserver")).as("dl.k8s.io <file>.sha256").isEqualTo(A);
        assertThat(find(A.toUpperCase() + "\n", "crictl-v1.34.0-linux-amd64.tar.gz")).as("cri-tools awk '{print $1}'").isEqualTo(A);
        assertThat(find(A, "registry_3.0.0_linux_amd64.tar.gz")).as("distribution, no trailing newline").isEqualTo(A);
    }

    @Test
    void sha256sumLinesOfContainerdCniPluginsFlannelCniEtcdAndRunc() {
        assertThat(find(A + "  containerd-2.1.5-linux-amd64.tar.gz\n", "containerd-2.1.5-linux-amd64.tar.gz")).isEqualTo(A);
        assertThat(find(A + "  cni-plugin-flannel-linux-arm64-v1.7.1-flannel1.tgz\n",
                "cni-plugin-flannel-linux-arm64-v1.7.1-flannel1.tgz")).isEqualTo(A);
        String etcd = A + "  etcd-v3.6.5-darwin-arm64.zip\n" + B + "  etcd-v3.6.5-linux-amd64.tar.gz\n"
                + C + "  etcd-v3.6.5-linux-arm64.tar.gz\n";
        assertThat(find(etcd, "etcd-v3.6.5-linux-arm64.tar.gz")).isEqualTo(C);
        String runc = A + "  runc.amd64\n" + B + "  runc.arm64\n" + C + "  runc.tar.xz\n";
        assertThat(find(runc, "runc.arm64")).isEqualTo(B);
        assertThat(find(B + " *bin/runc.amd64\n", "runc.amd64")).as("binary-mode line with a directory").isEqualTo(B);
        assertThatThrownBy(() -> find(runc, "runc.riscv64")).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("lists no SHA-256 for runc.riscv64").hasMessageContaining(SRC.toString());
    }
}
