package dev.provisioner.pki;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The user, groups and validity a client certificate may be asked for. */
class ClientCertificateRequestTest {
    @Test
    void theAdminIsKubernetesAdminInTheClusterAdminsGroup() {
        ClientCertificateRequest admin = ClientCertificateRequest.admin(Duration.ofHours(2));
        assertThat(admin.user()).isEqualTo("kubernetes-admin");
        assertThat(admin.groups()).containsExactly("kubeadm:cluster-admins");
        assertThat(admin.ttl()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void noGroupsAndNoValidityMeanNoneAndADay() {
        ClientCertificateRequest r = new ClientCertificateRequest("ci-bot", null, null);
        assertThat(r.groups()).isEmpty();
        assertThat(r.ttl()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theGroupsAreCopied() {
        List<String> groups = new ArrayList<>(List.of("dev"));
        ClientCertificateRequest r = new ClientCertificateRequest("alice", groups, Duration.ofHours(1));
        groups.add("ops");
        assertThat(r.groups()).containsExactly("dev");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!", "~", "a", "system:masters", "user@example.net", "a-b_c.d", "x#y$z%&'()*-:?@[]^_`{|}",
            "0123456789"})
    void printableAsciiWithoutTheDistinguishedNameSpecialsIsAName(String name) {
        ClientCertificateRequest r = new ClientCertificateRequest(name, List.of(name), Duration.ofHours(1));
        assertThat(r.user()).isEqualTo(name);
        assertThat(r.groups()).containsExactly(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "tab\there", "del\u007f", "caf\u00e9", "a,b", "a/b", "a+b", "a\"b", "a\\b", "a<b", "a>b",
            "a;b", "a=b", "\u0000", "\u001f"})
    void anythingElseIsRefusedAsUserAndAsGroup(String name) {
        assertThatThrownBy(() -> new ClientCertificateRequest(name, List.of(), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the user '" + name + "' must be 1-253 printable ASCII characters without spaces or any of , / + \" \\ < > ; =");
        assertThatThrownBy(() -> new ClientCertificateRequest("alice", List.of("dev", name), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the group '" + name + "' must be 1-253 printable ASCII characters");
    }

    @Test
    void aNameHasAtMost253Characters() {
        String longest = "a".repeat(253);
        assertThat(new ClientCertificateRequest(longest, List.of(longest), null).user()).hasSize(253);
        assertThatThrownBy(() -> new ClientCertificateRequest(longest + "a", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be 1-253");
    }

    @Test
    void theValidityIsBetweenOneSecondAndAYear() {
        assertThat(new ClientCertificateRequest("a", List.of(), Duration.ofSeconds(1)).ttl()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new ClientCertificateRequest("a", List.of(), Duration.ofDays(365)).ttl()).isEqualTo(ClientCertificateRequest.MAX_TTL);
        for (Duration bad : List.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofDays(365).plusSeconds(1))) {
            assertThatThrownBy(() -> new ClientCertificateRequest("a", List.of(), bad)).as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the validity must be between 1 second and 365 days, not " + bad);
        }
    }

    @Test
    void aUserIsRequired() {
        assertThatThrownBy(() -> new ClientCertificateRequest(null, List.of(), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("user");
    }
}
