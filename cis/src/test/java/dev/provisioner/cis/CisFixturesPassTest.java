package dev.provisioner.cis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The CIS-clean fixtures: every offline-decidable check passes, every other check is reported with a reason. */
class CisFixturesPassTest {
    private final CisReport report = new CisChecker().check(CisFixtures.cluster());

    @Test
    void everyDecidableCheckPassesOnTheSecureFixtures() {
        assertThat(report.failures()).as(report.render()).isEmpty();
        assertThat(report.allDecidedPass()).isTrue();
    }

    @Test
    void everyDecidableCheckIsActuallyEvaluatedSomewhere() {
        Set<String> passed = report.results().stream().filter(r -> r.status() == Status.PASS)
                .map(CheckResult::id).collect(Collectors.toSet());
        assertThat(passed).containsExactlyInAnyOrderElementsOf(new CisChecker().decidableCheckIds());
    }

    @Test
    void everyCheckOfTheBenchmarkAppearsForEveryHostOrOnceForTheCluster() {
        List<String> ids = new CisChecker().checkIds();
        assertThat(ids).hasSize(131);
        for (String id : ids) {
            long n = report.results().stream().filter(r -> r.id().equals(id)).count();
            assertThat(n).as(id).isIn(1L, 2L);
        }
        assertThat(report.results()).allSatisfy(r -> {
            if (r.status().skipped()) {
                assertThat(r.reason()).as(r.id()).isNotBlank();
            }
        });
    }

    @Test
    void masterChecksAreNotApplicableOnTheNodeAndTheOtherWayRound() {
        assertThat(report.result("node01", "1.2.1").orElseThrow().status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(report.result("master", "4.2.1").orElseThrow().status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(report.result("master", "1.2.1").orElseThrow().status()).isEqualTo(Status.PASS);
        assertThat(report.result("node01", "4.2.1").orElseThrow().status()).isEqualTo(Status.PASS);
    }

    @Test
    void runtimeAndJudgementChecksAreSkippedWithReasons() {
        CheckResult rbac = report.result(CheckResult.CLUSTER, "5.1.1").orElseThrow();
        assertThat(rbac.status()).isEqualTo(Status.NOT_DECIDABLE);
        assertThat(rbac.reason()).contains("live cluster");
        CheckResult timeout = report.result("master", "1.2.20").orElseThrow();
        assertThat(timeout.status()).isEqualTo(Status.MANUAL);
        assertThat(timeout.found()).isEqualTo("--request-timeout=60s");
        CheckResult cni = report.result(CheckResult.CLUSTER, "5.3.1").orElseThrow();
        assertThat(cni.status()).isEqualTo(Status.MANUAL);
        assertThat(cni.found()).contains("[flannel, portmap]").contains("do not enforce NetworkPolicy");
    }

    @Test
    void countsAddUp() {
        assertThat(report.count(Status.NOT_DECIDABLE)).isEqualTo(36);
        assertThat(report.count(Status.MANUAL)).isEqualTo(3);
        assertThat(report.count(Status.FAIL) + report.count(Status.WARN)).isZero();
        assertThat(report.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(report.results().size());
        assertThat(report.render().lines().count()).isEqualTo(report.results().size() + 1);
    }

    @Test
    void etcdSettingsAreReadFromItsEnvironmentFile() {
        CheckResult r = report.result("master", "2.2").orElseThrow();
        assertThat(r.found()).isEqualTo("ETCD_CLIENT_CERT_AUTH=true (EnvironmentFile /etc/etcd/etcd.conf)");
    }

    @Test
    void kubeletSettingsComeFromItsConfigFile() {
        CheckResult r = report.result("node01", "4.2.1").orElseThrow();
        assertThat(r.found()).isEqualTo("authentication.anonymous.enabled: false (/var/lib/kubelet/config.yaml)");
    }
}
