package dev.provisioner.plan;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.Provisioner;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.Phase;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package every component installs, by OS family, on a host where nothing is installed yet
 * (issue 19): Debian and Ubuntu through apt, the RHEL family (RHEL, Rocky, Alma) through dnf with
 * its own names. Fixtures only: no RHEL image can be had here.
 */
class PackageNamesByFamilyTest {
    @TempDir
    Path state;

    private static final Map<String, String> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("prerequisites/prereq-packages", "node01");
        STEPS.put("etcd/etcd-install", "master");
        STEPS.put("registry/registry-package", "registry");
        STEPS.put("container-runtime/containerd-packages", "node01");
    }

    private Map<String, List<String>> installs(Function<String, EngineFixtures.Facts> os) {
        Inventory inv = Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
                .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.tls", false).set("cluster.install.etcd", "packages").set("cluster.install.containerd", "packages")
                .build();
        List<Phase> phases = EngineHooks.phases(EngineHooks.builder(inv).stateDirectory(state).downloads(false).build()).phases();
        Map<String, List<String>> out = new LinkedHashMap<>();
        STEPS.forEach((id, host) -> {
            String[] ps = id.split("/");
            Step step = phases.stream().filter(p -> p.title().equals(ps[0])).flatMap(p -> p.steps().stream())
                    .filter(s -> s.name().equals(ps[1])).findFirst().orElseThrow(() -> new AssertionError("no step " + id));
            HostFacts facts = os.apply(host).build();
            InstallPackages install = step.plan(EngineFixtures.context(inv, host, facts)).actions().stream()
                    .filter(a -> a instanceof InstallPackages).map(a -> (InstallPackages) a).findFirst()
                    .orElseThrow(() -> new AssertionError(id + " installs nothing"));
            out.put(id, install.packages());
            assertThat(install.script()).contains(facts.packageManager() == dev.provisioner.facts.PackageManager.DNF
                    ? "dnf -q install -y " : "apt-get -q -o DPkg::Lock::Timeout=600 install -y");
        });
        return out;
    }

    @Test
    void rhelFamilyNamesThroughDnf() {
        assertThat(installs(EngineFixtures::rocky)).containsExactly(
                Map.entry("prerequisites/prereq-packages", List.of("socat", "conntrack-tools", "ipset", "kmod", "iptables-nft",
                        "ca-certificates", "curl", "procps-ng")),
                Map.entry("etcd/etcd-install", List.of("etcd")),
                Map.entry("registry/registry-package", List.of("distribution", "curl")),
                Map.entry("container-runtime/containerd-packages", List.of("containerd.io", "containernetworking-plugins")));
    }

    @Test
    void debianAndUbuntuNamesThroughApt() {
        assertThat(installs(EngineFixtures::debian)).containsExactly(
                Map.entry("prerequisites/prereq-packages", List.of("socat", "conntrack", "ipset", "kmod", "iptables",
                        "ca-certificates", "curl", "procps")),
                Map.entry("etcd/etcd-install", List.of("etcd-server", "etcd-client")),
                Map.entry("registry/registry-package", List.of("docker-registry", "curl")),
                Map.entry("container-runtime/containerd-packages", List.of("containerd", "runc", "containernetworking-plugins")));
    }

    @Test
    void dockersContainerdIoAlreadyOnADebianHostIsKept() {
        Inventory inv = Inventory.builder().clusterName("lab")
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE, Role.MASTER).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.enabled", false).set("cluster.install.containerd", "packages").build();
        Step step = EngineHooks.phases(EngineHooks.builder(inv).stateDirectory(state).downloads(false).build()).phases().stream()
                .filter(p -> p.title().equals("container-runtime")).flatMap(p -> p.steps().stream())
                .filter(s -> s.name().equals("containerd-packages")).findFirst().orElseThrow();
        var ctx = EngineFixtures.context(inv, "node01", EngineFixtures.debian("node01").pkg("containerd.io", "1.7.22-1")
                .pkg("containernetworking-plugins", "1.1.1").build());
        assertThat(step.plan(ctx).actions()).noneMatch(a -> a instanceof InstallPackages || a instanceof RunCommand);
    }
}
