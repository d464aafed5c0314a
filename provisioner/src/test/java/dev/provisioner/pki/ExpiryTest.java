package dev.provisioner.pki;

import dev.provisioner.pki.PkiChange.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.provisioner.pki.PkiFixtures.T0;
import static dev.provisioner.pki.PkiFixtures.pkiAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expiry statuses with an injected clock, and renewal of expiring leaves by ensure. */
class ExpiryTest {
    @TempDir
    Path state;

    @Test
    void freshCertificatesAreOk() {
        pkiAt(T0).ensure(PkiFixtures.blog(), state);
        Map<String, CertificateStatus> s = byName(pkiAt(T0).status(state));
        assertThat(s.values()).extracting(CertificateStatus::status).containsOnly(ExpiryStatus.OK);
        assertThat(s.get("ca").daysLeft()).isEqualTo(3650);
        assertThat(s.get("apiserver").daysLeft()).isEqualTo(365);
        assertThat(s.get("apiserver").notAfter()).isEqualTo(T0.plus(Duration.ofDays(365)));
        assertThat(s.get("kubelet/node01/client").subject()).isEqualTo("CN=system:node:node01,O=system:nodes");
        assertThat(s.get("etcd/master/server").sans()).containsExactly("DNS:master", "IP:10.4.4.4", "DNS:localhost", "IP:127.0.0.1");
        assertThat(s.get("etcd/root-client").subject()).isEqualTo("CN=root");
        assertThat(s).hasSize(25); // + apilb-healthcheck-client, the master's kubelet client and server, etcd's root client
    }

    @Test
    void leavesBecomeExpiringThirtyDaysAheadThenExpired() {
        pkiAt(T0).ensure(PkiFixtures.blog(), state);
        Map<String, CertificateStatus> in340 = byName(pkiAt(Duration.ofDays(340)).status(state));
        assertThat(in340.get("apiserver").status()).isEqualTo(ExpiryStatus.EXPIRING);
        assertThat(in340.get("apiserver").daysLeft()).isEqualTo(25);
        assertThat(in340.get("ca").status()).isEqualTo(ExpiryStatus.OK);

        Map<String, CertificateStatus> in366 = byName(pkiAt(Duration.ofDays(366)).status(state));
        assertThat(in366.get("admin").status()).isEqualTo(ExpiryStatus.EXPIRED);
        assertThat(in366.get("admin").daysLeft()).isEqualTo(-1);
        assertThat(in366.get("etcd/ca").status()).isEqualTo(ExpiryStatus.OK);
    }

    @Test
    void aShortLivedCertificateIsExpiringAtOnce() {
        PkiOptions shortLived = PkiOptions.defaults().withClock(PkiFixtures.clockAt(T0))
                .withLeafValidity(Duration.ofDays(40)).withRenewBefore(Duration.ofDays(30));
        ClusterPki.with(shortLived).issueServing(PkiFixtures.blog(), state, AppCertificateRequest.of("web"), java.util.Optional.empty());
        assertThat(byName(pkiAt(T0).status(state)).get("apps/web").status()).isEqualTo(ExpiryStatus.OK);
        assertThat(byName(pkiAt(Duration.ofDays(15)).status(state)).get("apps/web").status()).isEqualTo(ExpiryStatus.EXPIRING);
        assertThat(byName(pkiAt(Duration.ofDays(40)).status(state)).get("apps/web").status()).isEqualTo(ExpiryStatus.EXPIRED);
    }

    @Test
    void ensureRenewsExpiringLeavesAndKeepsTheCas() {
        pkiAt(T0).ensure(PkiFixtures.blog(), state);
        Map<String, String> before = PkiFixtures.snapshot(PkiFixtures.pki(state));
        PkiBundle renewed = pkiAt(Duration.ofDays(340)).ensure(PkiFixtures.blog(), state);
        assertThat(renewed.changes()).filteredOn(c -> c.name().endsWith("ca")).extracting(PkiChange::outcome)
                .containsOnly(Outcome.REUSED);
        PkiChange apiserver = renewed.changes().stream().filter(c -> c.name().equals("apiserver")).findFirst().orElseThrow();
        assertThat(apiserver.outcome()).isEqualTo(Outcome.REISSUED);
        assertThat(apiserver.detail()).isEqualTo("expires on " + T0.plus(Duration.ofDays(365)));
        assertThat(PkiFixtures.snapshot(PkiFixtures.pki(state)).get("apiserver.key")).isEqualTo(before.get("apiserver.key"));
        assertThat(pkiAt(Duration.ofDays(340)).status(state)).extracting(CertificateStatus::status).containsOnly(ExpiryStatus.OK);

        PkiBundle expired = pkiAt(Duration.ofDays(800)).ensure(PkiFixtures.blog(), state);
        assertThat(expired.changes().stream().filter(c -> c.name().equals("admin")).findFirst().orElseThrow().detail())
                .startsWith("expired on ");
    }

    @Test
    void aLeafNeverOutlivesItsCa() {
        PkiOptions shortCa = PkiOptions.defaults().withClock(PkiFixtures.clockAt(T0)).withCaValidity(Duration.ofDays(400));
        ClusterPki.with(shortCa).ensure(PkiFixtures.blog(), state);
        PkiBundle later = ClusterPki.with(shortCa.withClock(PkiFixtures.clockAt(T0.plus(Duration.ofDays(340))))).ensure(PkiFixtures.blog(), state);
        assertThat(later.changes()).filteredOn(c -> c.name().equals("admin")).extracting(PkiChange::outcome).containsExactly(Outcome.REISSUED);
        assertThat(PkiFixtures.cert(state, "admin").getNotAfter()).isEqualTo(PkiFixtures.cert(state, "ca").getNotAfter());
    }

    @Test
    void optionsRejectARenewalWindowAsLongAsTheValidity() {
        assertThatThrownBy(() -> PkiOptions.defaults().withLeafValidity(Duration.ofDays(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("renewBefore (30 days) must be shorter");
    }

    private static Map<String, CertificateStatus> byName(List<CertificateStatus> list) {
        return list.stream().collect(Collectors.toMap(CertificateStatus::name, Function.identity()));
    }
}
