package dev.provisioner.pki;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One file for a host: compared by every field, printed without its content. */
class HostFileTest {
    private static final byte[] PEM = "KEY\n".getBytes(StandardCharsets.US_ASCII);
    private static final HostFile KEY = new HostFile("/etc/etcd/pki/peer.key", PEM, 0600, "etcd", "etcd", "etcd/master/peer");

    @Test
    void equalOnlyWhenEveryFieldIs() {
        HostFile same = new HostFile("/etc/etcd/pki/peer.key", PEM.clone(), 0600, "etcd", "etcd", "etcd/master/peer");
        assertThat(KEY).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(KEY).isNotEqualTo(new HostFile("/etc/etcd/pki/server.key", PEM, 0600, "etcd", "etcd", "etcd/master/peer"))
                .isNotEqualTo(new HostFile("/etc/etcd/pki/peer.key", "OTHER\n".getBytes(StandardCharsets.US_ASCII), 0600, "etcd",
                        "etcd", "etcd/master/peer"))
                .isNotEqualTo(new HostFile("/etc/etcd/pki/peer.key", PEM, 0644, "etcd", "etcd", "etcd/master/peer"))
                .isNotEqualTo(KEY.withOwner("root", "etcd"))
                .isNotEqualTo(KEY.withOwner("etcd", "root"))
                .isNotEqualTo(new HostFile("/etc/etcd/pki/peer.key", PEM, 0600, "etcd", "etcd", "etcd/master2/peer"))
                .isNotEqualTo("/etc/etcd/pki/peer.key");
        assertThat(KEY.hashCode()).isNotEqualTo(KEY.withOwner("root", "root").hashCode());
    }

    @Test
    void printedWithOctalModeOwnerSourceAndSize() {
        assertThat(KEY).hasToString("/etc/etcd/pki/peer.key (0600 etcd:etcd, from etcd/master/peer, 4 bytes)");
    }

    @Test
    void theChecksumIsSha256OfTheContent() {
        // printf 'KEY\n' | sha256sum
        assertThat(KEY.sha256()).isEqualTo("4a3ec3730504983f960fb2df35a1d68d640ff55d151fa3128ca0fc707f86882e");
    }

    @Test
    void aRelativePathIsRefused() {
        assertThatThrownBy(() -> new HostFile("etc/x.crt", PEM, 0644, "root", "root", "ca"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("host path must be absolute: etc/x.crt");
    }
}
