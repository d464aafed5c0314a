package dev.provisioner.component.runtime;

import dev.provisioner.facts.PackageManager;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.Action;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.EnsureUnit;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.step.WaitHealthy;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Facts in, actions out, for the container-runtime steps, and golden config files for both config versions. */
class RuntimeStepsTest {
    /** The packages source never resolves release files. */
    private static final RuntimeRelease NO_RELEASE = new RuntimeRelease(arch -> {
        throw new AssertionError("the packages source must not resolve release files");
    }, List.of());
    private static final List<Step> STEPS = ContainerRuntimePhase.create(NO_RELEASE, RuntimeOptions.defaults()).steps();

    private static Inventory inventory(UnaryOperator<dev.provisioner.inventory.InventoryBuilder> extra) {
        return extra.apply(Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
                .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(EngineFixtures.KEY))
                .set("cluster.install.containerd", "packages")).build();
    }

    private static final Inventory INV = inventory(b -> b);

    private static Step step(String name) {
        return STEPS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static StepContext ctx(Inventory inv, EngineFixtures.Facts facts) {
        return EngineFixtures.context(inv, "node01", facts.build());
    }

    @Test
    void freshDebianNodeGetsPackagesLinksConfigTrustUnitHandlerAndProbe() {
        StepContext ctx = ctx(INV, EngineFixtures.debian("node01"));
        assertThat(step("containerd-packages").plan(ctx).actions()).containsExactly(
                new InstallPackages(List.of("containerd", "runc", "containernetworking-plugins"), PackageManager.APT));
        RunCommand links = (RunCommand) step("cni-plugins").plan(ctx).actions().get(0);
        assertThat(links.script()).contains("ln -sfn /usr/lib/cni/bridge /opt/cni/bin/bridge\n").contains("[ -x /usr/lib/cni/portmap ]");

        PutFile config = (PutFile) step("containerd-config").plan(ctx).actions().get(0);
        assertThat(config.path()).isEqualTo("/etc/containerd/config.toml");
        assertThat(config.file().text()).startsWith("# Managed by provisioner (cluster lab)").contains("version = 2\n");

        List<Action> trust = step("registry-trust").plan(ctx).actions();
        assertThat(trust).extracting(a -> ((PutFile) a).path()).containsExactly(
                "/etc/containerd/certs.d/10.4.4.8:5000/hosts.toml", "/etc/containerd/certs.d/registry:5000/hosts.toml");
        assertThat(((PutFile) trust.get(1)).file().text()).isEqualTo("""
                # Managed by provisioner (cluster lab): how containerd reaches the registry registry:5000.
                # Read on every pull; no restart needed. Pull only: this endpoint is read-only and nodes hold no push
                # credentials (pushes go to the registry's push endpoint, port + 1, with its password).
                server = "https://registry:5000"

                [host."https://registry:5000"]
                  capabilities = ["pull", "resolve"]
                  ca = "/etc/kubernetes/pki/ca.crt"
                """);
        assertThat(step("registry-trust").plan(ctx).reason()).contains("which is not on this host yet (the pki phase puts it there)");

        List<Action> service = step("containerd-service").plan(ctx).actions();
        assertThat(service.get(0)).isEqualTo(new EnsureUnit("containerd.service", true, true));
        RestartOnChange restart = (RestartOnChange) service.get(1);
        assertThat(restart.watchedPaths()).containsExactly("/etc/containerd/config.toml");
        assertThat(restart.watchedPaths()).noneMatch(p -> p.endsWith("hosts.toml"));
        assertThat(restart.watchedPackages()).containsExactlyInAnyOrder("containerd", "containerd.io");
        assertThat(((WaitHealthy) service.get(2)).script()).isEqualTo("systemctl is-active --quiet containerd && ctr version >/dev/null");
    }

    @Test
    void goldenConfigVersion2ForContainerd16() {
        StepContext ctx = ctx(INV, EngineFixtures.debian("node01").pkg("containerd", "1.6.20~ds1-1+deb12u3"));
        assertThat(step("containerd-config").files(ctx).get(0).text()).isEqualTo("""
                # Managed by provisioner (cluster lab); local edits are replaced on the next apply.
                # Config version 2, for containerd 1.x.
                version = 2

                [plugins]
                  [plugins."io.containerd.grpc.v1.cri"]
                    sandbox_image = "registry.k8s.io/pause:3.10.1"
                    [plugins."io.containerd.grpc.v1.cri".containerd]
                      snapshotter = "overlayfs"
                      default_runtime_name = "runc"
                      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
                        runtime_type = "io.containerd.runc.v2"
                        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                          SystemdCgroup = true
                    [plugins."io.containerd.grpc.v1.cri".cni]
                      bin_dir = "/opt/cni/bin"
                      conf_dir = "/etc/cni/net.d"
                    [plugins."io.containerd.grpc.v1.cri".registry]
                      config_path = "/etc/containerd/certs.d"
                """);
    }

    @Test
    void theConfigRenderedBeforeTheInstallIsTheOneTheInstalledContainerdWants() {
        // Debian 13's package brings 1.7: planned from apt's candidate before the install, the file is
        // byte for byte the one planned after it, so the next plan is empty (issue 19).
        String beforeInstall = step("containerd-config").files(ctx(INV, EngineFixtures.debian("node01")
                .candidate("containerd", "1.7.24~ds1-10"))).get(0).text();
        String afterInstall = step("containerd-config").files(ctx(INV, EngineFixtures.debian("node01")
                .pkg("containerd", "1.7.24~ds1-10"))).get(0).text();
        String bookworm = step("containerd-config").files(ctx(INV, EngineFixtures.debian("node01")
                .pkg("containerd", "1.6.20~ds1-1+deb12u3"))).get(0).text();
        String emptyIndex = step("containerd-config").files(ctx(INV, EngineFixtures.debian("node01"))).get(0).text();
        assertThat(beforeInstall).isEqualTo(afterInstall).isEqualTo(bookworm).isEqualTo(emptyIndex).contains("version = 2\n");
        // A 2.x candidate: version 3 already in the first apply.
        assertThat(step("containerd-config").files(ctx(INV, EngineFixtures.debian("node01").candidate("containerd", "2.1.4~ds2-1")))
                .get(0).text()).contains("version = 3\n").contains("for containerd 2.1 and later.").contains("bin_dirs = ");
        assertThat(step("containerd-config").plan(ctx(INV, EngineFixtures.debian("node01").candidate("containerd", "1.7.24~ds1-10")))
                .actions()).hasSize(1);
    }

    @Test
    void goldenConfigVersion3ForContainerd2() {
        StepContext ctx = ctx(INV, EngineFixtures.debian("node01").pkg("containerd", "2.1.3-1"));
        String text = step("containerd-config").files(ctx).get(0).text();
        assertThat(text).isEqualTo("""
                # Managed by provisioner (cluster lab); local edits are replaced on the next apply.
                # Config version 3, for containerd 2.1 and later.
                version = 3

                [plugins]
                  [plugins."io.containerd.cri.v1.images"]
                    snapshotter = "overlayfs"
                    [plugins."io.containerd.cri.v1.images".pinned_images]
                      sandbox = "registry.k8s.io/pause:3.10.1"
                    [plugins."io.containerd.cri.v1.images".registry]
                      config_path = "/etc/containerd/certs.d"
                  [plugins."io.containerd.cri.v1.runtime"]
                    [plugins."io.containerd.cri.v1.runtime".containerd]
                      default_runtime_name = "runc"
                      [plugins."io.containerd.cri.v1.runtime".containerd.runtimes.runc]
                        runtime_type = "io.containerd.runc.v2"
                        [plugins."io.containerd.cri.v1.runtime".containerd.runtimes.runc.options]
                          SystemdCgroup = true
                    [plugins."io.containerd.cri.v1.runtime".cni]
                      bin_dirs = ["/opt/cni/bin"]
                      conf_dir = "/etc/cni/net.d"
                """);
        String v20 = step("containerd-config").files(ctx(INV, EngineFixtures.debian("node01").pkg("containerd", "2.0.6"))).get(0).text();
        assertThat(v20).contains("version = 3\n").contains("      bin_dir = \"/opt/cni/bin\"\n").doesNotContain("bin_dirs");
        // An upgrade from 1.x to 2.x rewrites the file (and the handler restarts containerd).
        DesiredFile old = step("containerd-config").files(ctx(INV, EngineFixtures.debian("node01").pkg("containerd", "1.7.24"))).get(0);
        PutFile put = (PutFile) step("containerd-config").plan(ctx(INV, EngineFixtures.debian("node01").pkg("containerd", "2.1.3")
                .file(old.path(), old.text(), 0644, "root", "root"))).actions().get(0);
        assertThat(put.diff()).contains("-version = 2").contains("+version = 3");
    }

    @Test
    void versionsParseFromPackageAndReleaseStrings() {
        assertThat(ContainerdVersion.parse("1.6.20~ds1-1+deb12u3")).contains(new ContainerdVersion(1, 6));
        assertThat(ContainerdVersion.parse("1:1.7.24-1")).contains(new ContainerdVersion(1, 7));
        assertThat(ContainerdVersion.parse("v2.1.3")).contains(new ContainerdVersion(2, 1));
        assertThat(ContainerdVersion.parse("garbage")).isEmpty();
        assertThat(new ContainerdVersion(1, 7).configVersion()).isEqualTo(2);
        assertThat(new ContainerdVersion(2, 0).configVersion()).isEqualTo(3);
    }

    @Test
    void insecureRegistrySkipsVerificationOnlyWhenAskedAndPlainHttpWithoutTls() {
        Inventory insecure = inventory(b -> b.set("cluster.registry.insecure", true));
        String text = step("registry-trust").files(ctx(insecure, EngineFixtures.debian("node01"))).get(0).text();
        assertThat(text).contains("server = \"https://10.4.4.8:5000\"").contains("skip_verify = true").doesNotContain("ca =");
        assertThat(step("registry-trust").plan(ctx(insecure, EngineFixtures.debian("node01"))).reason())
                .contains("HTTPS without verification (registry.insecure: true)");
        assertThat(step("registry-trust").files(ctx(INV, EngineFixtures.debian("node01"))).get(0).text()).doesNotContain("skip_verify");

        Inventory plain = inventory(b -> b.set("cluster.registry.tls", false));
        String http = step("registry-trust").files(ctx(plain, EngineFixtures.debian("node01"))).get(0).text();
        assertThat(http).contains("server = \"http://10.4.4.8:5000\"").doesNotContain("ca =").doesNotContain("skip_verify");

        Inventory none = Inventory.builder().clusterName("lab")
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE, Role.MASTER).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.enabled", false).set("cluster.install.containerd", "packages").build();
        assertThat(step("registry-trust").files(ctx(none, EngineFixtures.debian("node01")))).isEmpty();
        assertThat(step("registry-trust").plan(ctx(none, EngineFixtures.debian("node01"))).reason()).isEqualTo("no private registry in the inventory");
    }

    @Test
    void convergedNodeNeedsNothingAndSaysWhy() {
        EngineFixtures.Facts f = EngineFixtures.debian("node01")
                .pkg("containerd", "1.6.20~ds1-1+deb12u3").pkg("runc", "1.1.5").pkg("containernetworking-plugins", "1.1.1")
                .unit("containerd.service", "active", "enabled")
                .file("/etc/kubernetes/pki/ca.crt", "-----BEGIN CERTIFICATE-----\n", 0644, "root", "root");
        CniPluginLinksStep.PLUGINS.forEach(p -> f.file("/opt/cni/bin/" + p, "ELF", 0755, "root", "root"));
        StepContext bare = ctx(INV, EngineFixtures.debian("node01").pkg("containerd", "1.6.20~ds1-1+deb12u3"));
        for (Step s : STEPS) {
            s.files(bare).forEach(f::file);
        }
        StepContext ctx = ctx(INV, f);
        for (Step s : STEPS) {
            assertThat(s.plan(ctx).isConverged()).as(s.name()).isTrue();
        }
        assertThat(step("containerd-packages").plan(ctx).reason())
                .isEqualTo("containerd 1.6.20~ds1-1+deb12u3, runc 1.1.5, containernetworking-plugins 1.1.1 installed");
        assertThat(step("containerd-binaries").plan(ctx).reason()).isEqualTo("containerd, runc and CNI plugins come from the OS packages");
        assertThat(step("containerd-unit").plan(ctx).reason()).isEqualTo("the containerd package brings its own unit");
        assertThat(step("cni-plugins").plan(ctx).reason()).startsWith("/opt/cni/bin has bridge, host-local, loopback, portmap");
        assertThat(step("containerd-config").plan(ctx).reason())
                .isEqualTo("/etc/containerd/config.toml is up to date (config version 2 for installed containerd 1.6)");
        assertThat(step("registry-trust").plan(ctx).reason()).isEqualTo("containerd reaches 10.4.4.8:5000 and registry:5000 over HTTPS verified with "
                + "/etc/kubernetes/pki/ca.crt; hosts.toml is read on every pull, no restart needed");
        StepOutcome service = step("containerd-service").plan(ctx);
        assertThat(service.reason()).isEqualTo("containerd.service is active and enabled");
    }

    @Test
    void phaseRunsOnMastersAndNodes() {
        // masters register as Nodes too (kubelet needs containerd there); the registry host runs no containerd
        assertThat(ContainerRuntimePhase.create(NO_RELEASE, RuntimeOptions.defaults()).selectHosts(INV)).extracting(h -> h.name())
                .containsExactly("master", "node01");
    }
}
