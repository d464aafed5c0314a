package dev.provisioner.ops.upgrade;

import dev.provisioner.component.InstalledVersions;
import dev.provisioner.inventory.Versions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The refused version jumps, each rule on its own, from the inventory's versions and the recorded ones. */
class VersionSkewTest {
    private static Versions want(String kube, String containerd) {
        return new Versions(kube, Versions.ETCD, Versions.FLANNEL, containerd, Versions.REGISTRY);
    }

    private static HostVersions master(String name, boolean inRun, String apiserver) {
        return new HostVersions(name, true, false, inRun, Map.of("kube-apiserver", apiserver, "kube-scheduler", apiserver));
    }

    private static HostVersions node(String name, boolean inRun, String kubelet) {
        return new HostVersions(name, false, true, inRun, Map.of("kubelet", kubelet, "kube-proxy", kubelet));
    }

    @Test
    void oneMinorAtATimeIsAllowedAndPatchesAnyway() {
        assertThat(VersionSkew.check(want("1.34.0", "2.1.3"), List.of(master("m1", true, "1.33.5"), node("n1", true, "1.33.5")))).isEmpty();
        assertThat(VersionSkew.check(want("1.33.9", "2.1.3"), List.of(master("m1", true, "1.33.5")))).isEmpty();
        assertThat(VersionSkew.check(want("1.34.0", "2.1.3"), List.of())).as("a fresh cluster records nothing").isEmpty();
    }

    @Test
    void skippingAMinorIsRefusedNamingHostComponentAndTheNextStep() {
        List<String> refused = VersionSkew.check(want("1.34.0", "2.1.3"), List.of(master("m1", true, "1.32.4")));
        assertThat(refused).contains("m1: kube-apiserver 1.32.4 -> 1.34.0 skips 1 minor version(s): Kubernetes upgrades one minor"
                + " version at a time (upgrade to 1.33 first)");
        assertThat(refused).anyMatch(r -> r.startsWith("m1: kube-scheduler 1.32.4 -> 1.34.0 skips"));
    }

    @Test
    void minorDowngradesAndMajorChangesAreRefused() {
        assertThat(VersionSkew.check(want("1.33.0", "2.1.3"), List.of(node("n1", true, "1.34.1"))))
                .contains("n1: kubelet 1.34.1 -> 1.33.0 is a minor downgrade, which Kubernetes does not support");
        assertThat(VersionSkew.check(want("2.0.0", "2.1.3"), List.of(node("n1", true, "1.34.1"))))
                .contains("n1: kubelet 1.34.1 -> 2.0.0: a major version change is not supported");
    }

    @Test
    void kubeletsMayNotOvertakeAnApiserverLeftOutOfTheRun() {
        List<String> refused = VersionSkew.check(want("1.34.0", "2.1.3"),
                List.of(master("m1", false, "1.33.2"), node("n1", true, "1.33.2")));
        assertThat(refused).contains("n1: kubelet 1.34.0 would be newer than kube-apiserver 1.33.2 (version skew policy: never"
                + " newer than the API server); upgrade the control plane first");
        // Control plane in the same run: allowed (the plan upgrades it first).
        assertThat(VersionSkew.check(want("1.34.0", "2.1.3"), List.of(master("m1", true, "1.33.2"), node("n1", true, "1.33.2")))).isEmpty();
    }

    @Test
    void kubeletsLeftOutMayBeAtMostThreeMinorsOlder() {
        List<HostVersions> hosts = List.of(master("m1", true, "1.33.0"), node("old", false, "1.30.0"), node("ok", false, "1.31.0"));
        assertThat(VersionSkew.check(want("1.34.0", "2.1.3"), hosts)).containsExactly(
                "old: kubelet 1.30.0 is left out of this run and would be more than 3 minor versions older than kube-apiserver"
                        + " 1.34.0 (version skew policy); upgrade it in the same run",
                "old: kube-proxy 1.30.0 is left out of this run and would be more than 3 minor versions older than kube-apiserver"
                        + " 1.34.0 (version skew policy); upgrade it in the same run");
    }

    @Test
    void apiserversLeftOutMustStayWithinOneMinor() {
        assertThat(VersionSkew.check(want("1.34.0", "2.1.3"), List.of(master("m1", true, "1.33.0"), master("m2", false, "1.32.0"))))
                .anyMatch(r -> r.startsWith("m2: kube-apiserver 1.32.0 is left out of this run but would be more than one minor"));
        assertThat(VersionSkew.check(want("1.34.0", "2.1.3"), List.of(master("m1", true, "1.33.0"), master("m2", false, "1.33.0"))))
                .isEmpty();
    }

    @Test
    void containerdReachesTwoOnlyFromOneSeven() {
        HostVersions from16 = new HostVersions("n1", false, true, true, Map.of("containerd", "1.6.20"));
        HostVersions from17 = new HostVersions("n2", false, true, true, Map.of("containerd", "1.7.24"));
        HostVersions from21 = new HostVersions("n3", false, true, true, Map.of("containerd", "2.1.3"));
        assertThat(VersionSkew.check(want("1.34.0", "2.1.3"), List.of(from16, from17))).singleElement().asString()
                .startsWith("n1: containerd 1.6.20 -> 2.1.3: containerd 2.x is reached from 1.7 only");
        assertThat(VersionSkew.check(want("1.34.0", "1.7.24"), List.of(from21))).singleElement().asString()
                .isEqualTo("n3: containerd 2.1.3 -> 1.7.24 is a major downgrade, which containerd does not support");
        assertThat(VersionSkew.check(want("1.34.0", "1.7.24"), List.of(from16))).as("minor steps within 1.x").isEmpty();
    }

    @Test
    void hostsLeftOutAreNotUpgradedSoTheirOwnJumpIsNotChecked() {
        assertThat(VersionSkew.check(want("1.34.0", "2.1.3"), List.of(node("n1", false, "1.32.0")))).isEmpty();
    }

    @Test
    void versionsParseAndCompare() {
        assertThat(SemVer.parse("v1.34.0").text()).isEqualTo("1.34.0");
        assertThat(SemVer.parse("1.7.24-1").minor()).isEqualTo(7);
        assertThat(SemVer.parse("1.33.9").compareTo(SemVer.parse("1.34.0"))).isNegative();
        assertThatThrownBy(() -> SemVer.parse("latest")).hasMessage("not a MAJOR.MINOR.PATCH version: 'latest'");
    }

    @Test
    void recordsAreOneFilePerComponentAndReadBack() {
        assertThat(InstalledVersions.record("kubelet", "1.34.0").path()).isEqualTo("/var/lib/provisioner/versions/kubelet");
        assertThat(InstalledVersions.record("kubelet", "1.34.0").text()).isEqualTo("1.34.0\n");
        assertThatThrownBy(() -> InstalledVersions.record("../etc/passwd", "1")).hasMessageContaining("not a component name");
        assertThat(InstalledVersions.parse("kubelet 1.34.0\ncontainerd 2.1.3\n\ngarbage\n"))
                .containsExactly(Map.entry("kubelet", "1.34.0"), Map.entry("containerd", "2.1.3"));
    }
}
