package dev.provisioner.cis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Precedence, layout overrides, missing components, and the catalogue itself. */
class CheckerBehaviourTest {
    private static final String KUBELET_UNIT = "/etc/systemd/system/kubelet.service";
    private static final String KUBELET_ENV = "/etc/kubernetes/kubelet.env";
    private static final String CONFIG = "/var/lib/kubelet/config.yaml";

    private static CheckResult result(RenderedHost host, String id) {
        return new CisChecker().check(List.of(host)).result(host.name(), id).orElseThrow();
    }

    private static RenderedHost withKubeletArgs(String args) {
        RenderedHost node = CisFixtures.node();
        RenderedFile env = node.file(KUBELET_ENV).orElseThrow();
        return node.with(env.withText("KUBELET_ARGS=\"" + args + "\"\n"));
    }

    private static RenderedHost withConfigLine(RenderedHost node, String find, String replace) {
        RenderedFile config = node.file(CONFIG).orElseThrow();
        assertThat(config.text()).contains(find);
        return node.with(config.withText(config.text().replace(find, replace)));
    }

    @Test
    void aKubeletFlagWinsOverItsConfigFile() {
        assertThat(result(withKubeletArgs("--anonymous-auth=true"), "4.2.1").status()).isEqualTo(Status.FAIL);
        RenderedHost flagFixesConfig = withConfigLine(withKubeletArgs("--read-only-port=0"), "readOnlyPort: 0", "readOnlyPort: 10255");
        CheckResult r = result(flagFixesConfig, "4.2.4");
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.found()).isEqualTo("--read-only-port=0 (command line)");
    }

    @Test
    void theConfigFileFollowsTheKubeletConfigFlag() {
        RenderedHost node = CisFixtures.node();
        RenderedFile config = node.file(CONFIG).orElseThrow();
        RenderedFile unit = node.file(KUBELET_UNIT).orElseThrow();
        RenderedHost moved = node.without(CONFIG)
                .with(RenderedFile.file("/etc/kubernetes/kubelet-config.yaml", config.text(), 0600, "root", "root"))
                .with(unit.withText(unit.text().replace(CONFIG, "/etc/kubernetes/kubelet-config.yaml")));
        CisReport report = new CisChecker().check(moved);
        assertThat(report.failures()).isEmpty();
        assertThat(report.result("node01", "4.1.9").orElseThrow().found()).contains("/etc/kubernetes/kubelet-config.yaml");
    }

    @Test
    void theLayoutIsTheFallbackWhenNoFlagNamesAPath() {
        RenderedHost node = CisFixtures.node();
        RenderedFile unit = node.file(KUBELET_UNIT).orElseThrow();
        RenderedFile config = node.file(CONFIG).orElseThrow();
        RenderedHost noFlag = node.without(CONFIG)
                .with(RenderedFile.file("/srv/kubelet.yaml", config.text(), 0600, "root", "root"))
                .with(unit.withText(unit.text().replace("--config=" + CONFIG + " \\\n", "")));
        assertThat(new CisChecker().check(noFlag).result("node01", "4.2.1").orElseThrow().status()).isEqualTo(Status.FAIL);
        ComponentLayout layout = ComponentLayout.defaults().toBuilder().kubeletConfig("/srv/kubelet.yaml").build();
        CisReport report = new CisChecker(layout).check(noFlag);
        assertThat(report.failures()).as(report.render()).isEmpty();
    }

    @Test
    void aMissingKubeletConfigFailsEveryCheckThatReadsIt() {
        CisReport report = new CisChecker().check(CisFixtures.node().without(CONFIG));
        assertThat(report.result("node01", "4.2.1").orElseThrow().found()).contains(CONFIG + " is not in the rendered output");
        assertThat(report.result("node01", "4.1.9").orElseThrow().status()).isEqualTo(Status.FAIL);
        assertThat(report.result("node01", "4.2.7").orElseThrow().status()).as("flag-only check").isEqualTo(Status.PASS);
    }

    @Test
    void anEtcdFlagWinsOverItsEnvironmentAndTheSubstringQuirkIsReported() {
        RenderedHost master = CisFixtures.master();
        RenderedFile unit = master.file("/etc/systemd/system/etcd.service").orElseThrow();
        RenderedHost flagged = master.with(unit.withText(unit.text()
                .replace("ExecStart=/usr/local/bin/etcd", "ExecStart=/usr/local/bin/etcd --client-cert-auth=false")));
        assertThat(result(flagged, "2.2").status()).isEqualTo(Status.FAIL);

    }

    @Test
    void aCheckPassesOnlyWhenKubeBenchAndTheExactReadingBothPass() {
        RenderedHost master = CisFixtures.master();
        RenderedFile unit = master.file("/etc/systemd/system/kube-apiserver.service").orElseThrow();
        // kube-bench reads the first --profiling, the API server uses the last one
        RenderedHost twice = master.with(unit.withText(unit.text().replace("--v=2", "--profiling=true --v=2")));
        CheckResult r = result(twice, "1.2.15");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.found()).isEqualTo("--profiling=true (command line)");
        assertThat(r.reason()).isEqualTo("kube-bench's substring reading passes: --profiling=false (command line)");
        // the API server normalises underscores, kube-bench's search does not
        RenderedHost underscores = master.with(unit.withText(unit.text().replace("--audit-log-path=", "--audit_log_path=")));
        CheckResult u = result(underscores, "1.2.16");
        assertThat(u.status()).isEqualTo(Status.FAIL);
        assertThat(u.reason()).startsWith("kube-bench's substring reading fails");
    }

    @Test
    void etcdMustNotTrustTheKubernetesClientCaEvenUnderAnotherPath() {
        RenderedHost master = CisFixtures.master();
        RenderedFile k8sCa = master.file("/etc/kubernetes/pki/ca.crt").orElseThrow();
        RenderedFile etcdCa = master.file("/etc/etcd/pki/ca.crt").orElseThrow();
        CheckResult r = result(master.with(etcdCa.withText(k8sCa.text())), "2.7");
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.found()).contains("same content as /etc/kubernetes/pki/ca.crt on master");
    }

    @Test
    void aComponentTheRoleRequiresButThatIsNotRenderedFails() {
        RenderedHost node = CisFixtures.node().without(KUBELET_UNIT);
        CisReport report = new CisChecker().check(node);
        CheckResult r = report.result("node01", "4.2.1").orElseThrow();
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.found()).isEqualTo(KUBELET_UNIT + " not rendered");
        assertThat(report.result("node01", "4.2.11").orElseThrow().status()).isEqualTo(Status.WARN);

        RenderedHost noRole = new RenderedHost("x", Set.of("registry"), node.files());
        assertThat(new CisChecker().check(noRole).result("x", "4.2.1").orElseThrow().status())
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void aMasterWithoutAdminKubeconfigOrPkiFails() {
        RenderedHost master = CisFixtures.master().without("/etc/kubernetes/admin.conf");
        assertThat(result(master, "1.1.13").found()).isEqualTo("/etc/kubernetes/admin.conf not rendered");
        RenderedHost superAdmin = CisFixtures.master().with(
                RenderedFile.file("/etc/kubernetes/super-admin.conf", "x", 0644, "root", "root"));
        assertThat(result(superAdmin, "1.1.13").status()).as("super-admin.conf is checked when present").isEqualTo(Status.FAIL);
    }

    @Test
    void catalogueHas131ChecksOfWhich92AreDecidedOffline() {
        List<CheckDefinition> all = CheckCatalogue.builtIn();
        assertThat(all).hasSize(131);
        assertThat(all).extracting(CheckDefinition::id).doesNotHaveDuplicates();
        assertThat(all.stream().filter(CheckDefinition::decidable)).hasSize(92);
        assertThat(all.stream().filter(d -> d.rule() instanceof Rule.LiveCluster)).hasSize(36);
        assertThat(all.stream().filter(d -> d.rule() instanceof Rule.Manual || d.rule() instanceof Rule.NetworkPolicySupport))
                .extracting(CheckDefinition::id).containsExactly("1.2.20", "3.2.2", "5.3.1");
    }

    @Test
    void hostNamesMustBeUnique() {
        assertThatThrownBy(() -> new CisChecker().check(List.of(CisFixtures.node(), CisFixtures.node())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unique");
    }

    @Test
    void layoutValidatesAndOverrides() {
        ComponentLayout d = ComponentLayout.defaults();
        assertThat(d.unit(KubeComponent.KUBE_APISERVER)).isEqualTo("/etc/systemd/system/kube-apiserver.service");
        assertThat(d.toBuilder().pkiDir("/srv/pki").build().pkiDir()).isEqualTo("/srv/pki");
        assertThatThrownBy(() -> d.toBuilder().adminKubeconfigs(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenderedFile.file("relative", "", 0600, "root", "root"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RenderedHost("h", Set.of(), List.of(
                RenderedFile.file("/a", "", 0600, "root", "root"), RenderedFile.file("/a", "", 0600, "root", "root"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plainTextReportHasOneLinePerCheckAndASummary() {
        CisReport report = new CisChecker().check(CisFixtures.node());
        String text = report.render();
        assertThat(text.lines().filter(l -> l.startsWith("PASS ")).count()).isEqualTo(report.count(Status.PASS));
        assertThat(text).containsPattern("(?m)^PASS +node01 +4\\.2\\.1 +Ensure that the --anonymous-auth argument is set to false \\| found: ");
        assertThat(text.lines().reduce((a, b) -> b).orElseThrow()).startsWith("summary: PASS ");
    }
}
