package dev.provisioner.testsupport;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab fixture itself: hosts behave like VMs, carry the promised users, and are removed on close. */
class LabHostsTest {

    @Test
    void hostsRunSystemdAndSshWithTheTestUsersAndAreRemovedOnClose() {
        List<String> ids;
        try (LabHosts lab = LabHosts.start("alpha", "beta")) {
            ids = lab.hosts().stream().map(LabHost::containerId).toList();
            for (LabHost h : lab.hosts()) {
                assertThat(h.execOk("systemctl is-system-running --wait || true").strip()).isIn("running", "degraded");
                assertThat(h.execOk("systemctl is-active ssh").strip()).isEqualTo("active");
                assertThat(h.execOk("hostname").strip()).isEqualTo(h.name());
                assertThat(h.execOk("sudo -l -U deploy")).contains("NOPASSWD: ALL");
                assertThat(h.execOk("sudo -l -U operator")).contains("(ALL) ALL").doesNotContain("NOPASSWD");
                String printed = h.execOk("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub").split(" ")[1];
                assertThat(h.fingerprint()).isEqualTo(printed);
            }
            // Every host generated its own host keys at boot.
            assertThat(lab.host("alpha").fingerprint()).isNotEqualTo(lab.host("beta").fingerprint());
            assertThat(lab.knownHosts()).content().contains(lab.host("alpha").address() + " ssh-ed25519 ");
        }
        var remaining = DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withIdFilter(ids).exec();
        assertThat(remaining).isEmpty();
    }
}
