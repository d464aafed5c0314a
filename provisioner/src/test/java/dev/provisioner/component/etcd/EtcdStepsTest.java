package dev.provisioner.component.etcd;

import dev.provisioner.artifacts.Arch;
import dev.provisioner.artifacts.ChecksumMismatchException;
import dev.provisioner.component.ComponentContext;
import dev.provisioner.facts.PackageManager;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.step.Action;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.EnsureUnit;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.Phase;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.step.WaitHealthy;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Facts in, actions out for the etcd steps: packages (Debian, RHEL), release binaries, converged members. */
class EtcdStepsTest {
    @TempDir
    Path tmp;

    static Inventory packages() {
        return Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.enabled", false)
                .set("cluster.install.etcd", "packages").build();
    }

    static Inventory threeMasters(String source) {
        return threeMasters(source, null);
    }

    static Inventory threeMasters(String source, Path artifactsDir) {
        var b = Inventory.builder().clusterName("trio")
                .host("m1", h -> h.address("10.0.0.1").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("m2", h -> h.address("10.0.0.2").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("m3", h -> h.address("fd00::3").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("n1", h -> h.address("10.0.0.9").roles(Role.NODE).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.enabled", false)
                .set("cluster.versions.etcd", "3.5.16")
                .set("cluster.install.etcd", source);
        return artifactsDir == null ? b.build() : b.set("cluster.install.artifactsDir", artifactsDir.toString()).build();
    }

    private static Step step(Phase p, String name) {
        return p.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static EtcdRelease fixedRelease(Path dir) throws Exception {
        Map<String, Path> bins = new LinkedHashMap<>();
        for (String b : List.of("etcd", "etcdctl", "etcdutl")) {
            bins.put(b, Files.writeString(dir.resolve(b), "#!/bin/sh\necho " + b + "\n"));
        }
        var artifact = new dev.provisioner.artifacts.ResolvedArtifact("etcd", "3.5.16", Arch.AMD64, bins, dir.resolve("x.tar.gz"),
                "ab".repeat(32), dev.provisioner.artifacts.ChecksumSource.SHA256SUMS, dev.provisioner.artifacts.Origin.ARTIFACTS_DIR);
        return new EtcdRelease(arch -> artifact, List.of("etcd", "etcdctl", "etcdutl"));
    }

    @Test
    void freshDebianMemberInstallsPackagesAndRetiresThePackagesDefaultMember() throws Exception {
        Inventory inv = packages();
        Phase phase = EtcdPhase.create(fixedRelease(tmp));
        StepContext ctx = EngineFixtures.context(inv, "master", EngineFixtures.debian("master").build());
        List<Action> install = step(phase, "etcd-install").plan(ctx).actions();
        assertThat(install.get(0)).isEqualTo(new InstallPackages(List.of("etcd-server", "etcd-client"), PackageManager.APT));
        assertThat(install.get(1)).isInstanceOfSatisfying(RunCommand.class, r -> {
            assertThat(r.beforeFiles()).isTrue();
            assertThat(r.script()).isEqualTo("systemctl stop etcd.service || true\nrm -rf -- /var/lib/etcd/default\n");
        });

        List<Action> config = step(phase, "etcd-config").plan(ctx).actions();
        assertThat(config).extracting(a -> ((PutFile) a).path()).containsExactly("/etc/etcd/etcd.conf", "/etc/systemd/system/etcd.service");
        assertThat(config).allSatisfy(a -> {
            assertThat(((PutFile) a).file().mode()).isEqualTo(0600);
            assertThat(((PutFile) a).file().owner()).isEqualTo("root");
        });
        assertThat(((PutFile) config.get(1)).file().unitFile()).isTrue();
        assertThat(((PutFile) config.get(1)).file().text()).contains("ExecStart=/usr/bin/etcd\n");

        List<Action> service = step(phase, "etcd-service").plan(ctx).actions();
        assertThat(service.get(0)).isEqualTo(new EnsureUnit("etcd.service", true, true));
        RestartOnChange restart = (RestartOnChange) service.get(1);
        assertThat(restart.watchedPaths()).contains("/etc/etcd/etcd.conf", "/etc/systemd/system/etcd.service",
                HostPaths.ETCD_SERVER_CERT, HostPaths.ETCD_SERVER_KEY, HostPaths.ETCD_PEER_CERT, HostPaths.ETCD_PEER_KEY,
                HostPaths.ETCD_MEMBER_CA_CERT);
        assertThat(restart.watchedPackages()).containsExactlyInAnyOrder("etcd-server", "etcd-client");
        WaitHealthy health = (WaitHealthy) service.get(2);
        assertThat(health.probe()).isEqualTo("etcdctl endpoint health https://10.4.4.4:2379 answers healthy (TLS, etcd root-client certificate)");
        assertThat(health.script()).isEqualTo("ETCDCTL_API=3 /usr/bin/etcdctl --endpoints=https://10.4.4.4:2379"
                + " --cacert=/etc/etcd/pki/ca.crt --cert=/etc/etcd/pki/root-client.crt"
                + " --key=/etc/etcd/pki/root-client.key --dial-timeout=5s --command-timeout=10s endpoint health");
        assertThat(health.timeout()).isPositive();
    }

    @Test
    void convergedMemberNeedsNothingAndSaysWhy() throws Exception {
        Inventory inv = packages();
        Phase phase = EtcdPhase.create(fixedRelease(tmp));
        StepContext bare = EngineFixtures.context(inv, "master", EngineFixtures.debian("master").build());
        EngineFixtures.Facts facts = EngineFixtures.debian("master").pkg("etcd-server", "3.4.23-4+b4").pkg("etcd-client", "3.4.23-4+b4")
                .unit("etcd.service", "active", "enabled");
        step(phase, "etcd-config").files(bare).forEach(facts::file);
        StepContext ctx = EngineFixtures.context(inv, "master", facts.build());
        StepOutcome install = step(phase, "etcd-install").plan(ctx);
        assertThat(install.actions()).isEmpty();
        assertThat(install.reason()).isEqualTo("etcd-server 3.4.23-4+b4, etcd-client 3.4.23-4+b4 installed");
        StepOutcome config = step(phase, "etcd-config").plan(ctx);
        assertThat(config.actions()).isEmpty();
        assertThat(config.reason()).isEqualTo("/etc/etcd/etcd.conf and /etc/systemd/system/etcd.service are up to date (member master of 1)");
        StepOutcome service = step(phase, "etcd-service").plan(ctx);
        assertThat(service.isConverged()).isTrue();
        assertThat(service.reason()).isEqualTo("etcd.service is active and enabled");
        // A stopped member is started, nothing else.
        StepContext stopped = EngineFixtures.context(inv, "master", facts.unit("etcd.service", "inactive", "enabled").build());
        assertThat(step(phase, "etcd-service").plan(stopped).actions().get(0)).isEqualTo(new EnsureUnit("etcd.service", false, true));
    }

    @Test
    void rhelFamilyInstallsTheEtcdPackageWithoutTheDebianWorkaround() throws Exception {
        StepContext ctx = EngineFixtures.context(packages(), "master", EngineFixtures.rocky("master").build());
        assertThat(step(EtcdPhase.create(fixedRelease(tmp)), "etcd-install").plan(ctx).actions())
                .containsExactly(new InstallPackages(List.of("etcd"), PackageManager.DNF));
    }

    @Test
    void releaseBinariesAreUploadedOnlyWhenTheyDifferAndTheUserIsCreated() throws Exception {
        Inventory inv = threeMasters("binaries");
        Phase phase = EtcdPhase.create(fixedRelease(tmp));
        StepContext ctx = EngineFixtures.context(inv, "m2", EngineFixtures.debian("m2").build());
        List<Action> install = step(phase, "etcd-install").plan(ctx).actions();
        assertThat(install).extracting(a -> ((PutFile) a).path())
                .containsExactly("/usr/local/bin/etcd", "/usr/local/bin/etcdctl", "/usr/local/bin/etcdutl");
        assertThat(install).allSatisfy(a -> {
            PutFile p = (PutFile) a;
            assertThat(p.file().mode()).isEqualTo(0755);
            assertThat(p.file().sensitive()).as("no content fetched or diffed").isTrue();
            assertThat(p.diff()).isEmpty();
        });
        assertThat(step(phase, "etcd-install").facts(ctx).files()).containsOnlyKeys(
                "/usr/local/bin/etcd", "/usr/local/bin/etcdctl", "/usr/local/bin/etcdutl");
        List<Action> config = step(phase, "etcd-config").plan(ctx).actions();
        assertThat(config.get(0)).isInstanceOfSatisfying(RunCommand.class, r -> assertThat(r.beforeFiles()).isTrue());
        assertThat(((PutFile) config.get(2)).file().text()).contains("ExecStart=/usr/local/bin/etcd\n");
        RestartOnChange restart = (RestartOnChange) step(phase, "etcd-service").plan(ctx).actions().get(1);
        assertThat(restart.watchedPaths()).contains("/usr/local/bin/etcd");

        EngineFixtures.Facts facts = EngineFixtures.debian("m2");
        install.forEach(a -> facts.file(((PutFile) a).file()));
        StepOutcome converged = step(phase, "etcd-install").plan(EngineFixtures.context(inv, "m2", facts.build()));
        assertThat(converged.actions()).isEmpty();
        assertThat(converged.reason()).isEqualTo("etcd 3.5.16 binaries in /usr/local/bin match the verified release (sha256sums sha256 abababababab)");
    }

    @Test
    void membersGetBracketedIpv6UrlsAndNoMemberListInTheirConfig() throws Exception {
        Inventory inv = threeMasters("binaries");
        Phase phase = EtcdPhase.create(fixedRelease(tmp));
        String conf = step(phase, "etcd-config").files(EngineFixtures.context(inv, "m3", null)).get(0).text();
        assertThat(conf).contains("ETCD_NAME=m3\n")
                .contains("ETCD_LISTEN_CLIENT_URLS=https://[fd00::3]:2379,https://127.0.0.1:2379\n")
                .doesNotContain("INITIAL", "m1", "m2");
        assertThat(EtcdMembers.of(inv).endpoints()).isEqualTo("https://10.0.0.1:2379,https://10.0.0.2:2379,https://[fd00::3]:2379");
        assertThat(EtcdMembers.of(inv).initialCluster()).isEqualTo("m1=https://10.0.0.1:2380,m2=https://10.0.0.2:2380,m3=https://[fd00::3]:2380");
        assertThat(phase.selectHosts(inv)).extracting(h -> h.name()).containsExactly("m1", "m2", "m3");
        assertThat(phase.parallelism()).as("members one at a time").isEqualTo(1);
        assertThat(phase.steps()).extracting(Step::name).containsExactly("etcd-install", "etcd-config", "etcd-join", "etcd-service",
                "etcd-auth", "etcd-backup");
    }

    @Test
    void addingMastersChangesNoFileOfAnExistingMember() throws Exception {
        Inventory one = Inventory.builder().clusterName("trio")
                .host("m1", h -> h.address("10.0.0.1").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("n1", h -> h.address("10.0.0.9").roles(Role.NODE).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.enabled", false).set("cluster.versions.etcd", "3.5.16").set("cluster.install.etcd", "binaries").build();
        Phase phase = EtcdPhase.create(fixedRelease(tmp));
        for (String host : List.of("m1")) {
            List<DesiredFile> before = step(phase, "etcd-config").files(EngineFixtures.context(one, host, null));
            List<DesiredFile> after = step(phase, "etcd-config").files(EngineFixtures.context(threeMasters("binaries"), host, null));
            assertThat(after).extracting(DesiredFile::text).isEqualTo(before.stream().map(DesiredFile::text).toList());
        }
    }

    @Test
    void aMemberWithoutItsInitialClusterFileJoinsTheOthersOnce() throws Exception {
        Inventory inv = threeMasters("binaries");
        Step join = step(EtcdPhase.create(fixedRelease(tmp)), "etcd-join");
        StepContext bare = EngineFixtures.context(inv, "m2", null);
        assertThat(join.facts(bare).files()).containsOnlyKeys(EtcdInstall.INITIAL_ENV_PATH);

        StepOutcome fresh = join.plan(EngineFixtures.context(inv, "m2", EngineFixtures.debian("m2").build()));
        RunCommand cmd = (RunCommand) fresh.actions().get(0);
        assertThat(cmd.describe()).contains("member add m2");
        assertThat(cmd.script()).contains("others='https://10.0.0.1:2379 https://[fd00::3]:2379'\n")
                .contains("may_bootstrap=no\n").contains("name=m2\n").contains("peer=https://10.0.0.2:2380\n")
                .contains("token=trio\n").contains("/usr/local/bin/etcdctl --endpoints=\"$_ep\"")
                .contains("member add \"$name\" --peer-urls=\"$peer\"").contains("endpoint health --cluster");
        assertThat(cmd.script()).contains("pending=\"$env_file.pending\"").contains("--command-timeout=30s")
                .contains("if [ -s \"$pending\" ]; then");
        assertThat(dev.provisioner.ops.etcd.ShellSyntax.errors(cmd.script())).as("sh -n").isEmpty();
        assertThat(EtcdJoin.script(inv, inv.hosts().get(0), "/usr/bin/etcdctl")).contains("may_bootstrap=yes\n")
                .contains("others='https://10.0.0.2:2379 https://[fd00::3]:2379'\n");

        var facts = EngineFixtures.debian("m2");
        facts.file(DesiredFile.text(EtcdInstall.INITIAL_ENV_PATH, "ETCD_INITIAL_CLUSTER_STATE=existing\n").withMode(0600));
        StepOutcome joined = join.plan(EngineFixtures.context(inv, "m2", facts.build()));
        assertThat(joined.actions()).isEmpty();
        assertThat(joined.reason()).contains("joined the cluster before");
    }

    @Test
    void theRealResolverVerifiesTheArchiveAndRefusesATamperedChecksum() throws Exception {
        Path artifacts = Files.createDirectories(tmp.resolve("artifacts"));
        Map<String, byte[]> bins = new LinkedHashMap<>();
        for (String b : List.of("etcd", "etcdctl", "etcdutl")) {
            bins.put(b, ("#!/bin/sh\necho " + b + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ReleaseArchive.write(artifacts, "3.5.16", bins);
        Inventory inv = threeMasters("artifacts", artifacts);
        ComponentContext ok = new ComponentContext(inv, tmp.resolve("state"), Optional.of(artifacts), true);
        var artifact = EtcdRelease.of(ok).forArch(Arch.AMD64);
        assertThat(artifact.binaries()).containsOnlyKeys("etcd", "etcdctl", "etcdutl");
        assertThat(Files.readString(artifact.binary("etcdctl"))).contains("echo etcdctl");

        Files.writeString(artifacts.resolve("SHA256SUMS"), "0".repeat(64) + "  " + ReleaseArchive.fileName("3.5.16") + "\n");
        ComponentContext tampered = new ComponentContext(inv, tmp.resolve("state2"), Optional.of(artifacts), true);
        Step install = step(EtcdPhase.create(tampered), "etcd-install");
        StepContext ctx = EngineFixtures.context(inv, "m1", EngineFixtures.debian("m1").build());
        assertThatThrownBy(() -> install.plan(ctx)).isInstanceOf(ChecksumMismatchException.class);
    }

    @Test
    void renderingNeedsNoArtifacts() {
        Inventory inv = threeMasters("binaries");
        ComponentContext offline = new ComponentContext(inv, tmp.resolve("state"), Optional.empty(), false);
        Phase phase = EtcdPhase.create(offline);
        StepContext ctx = EngineFixtures.context(inv, "m1", null);
        List<DesiredFile> files = phase.steps().stream().flatMap(s -> s.files(ctx).stream()).toList();
        assertThat(files).extracting(DesiredFile::path).containsExactly("/etc/etcd/etcd.conf", "/etc/systemd/system/etcd.service",
                "/var/lib/provisioner/etcd/auth");
        assertThat(Files.exists(tmp.resolve("state"))).as("nothing resolved or cached").isFalse();
    }
}
