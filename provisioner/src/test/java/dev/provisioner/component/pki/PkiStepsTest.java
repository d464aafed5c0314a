package dev.provisioner.component.pki;

import dev.provisioner.component.ComponentContext;
import dev.provisioner.plan.StandardPlan;
import dev.provisioner.component.registry.RegistryPhase;
import dev.provisioner.component.registry.RegistryTls;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.pki.ClusterPki;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.pki.PkiBundle;
import dev.provisioner.step.Action;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Phase;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Facts in, actions out: PKI distribution per role, the etcd user, the registry's key, converged hosts. */
class PkiStepsTest {
    static Inventory inv;
    static PkiSupply pki;
    @TempDir
    static Path state;

    @BeforeAll
    static void ensurePki() {
        inv = Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("node01", h -> h.address("10.4.4.5").roles(Role.NODE).keyFile(EngineFixtures.KEY))
                .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(EngineFixtures.KEY))
                .build();
        PkiBundle bundle = ClusterPki.standard().ensure(inv, state);
        pki = PkiSupply.of(bundle);
    }

    private static StepContext ctx(String host, EngineFixtures.Facts facts) {
        return EngineFixtures.context(inv, host, facts.build());
    }

    private static Step step(Phase phase, String name) {
        return phase.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void freshMasterGetsEveryFileSensitiveWithTheEtcdUserCreatedFirst() {
        Step step = PkiPhase.create(pki).steps().get(0);
        StepOutcome out = step.plan(ctx("master", EngineFixtures.debian("master")));
        Action first = out.actions().get(0);
        assertThat(first).isInstanceOfSatisfying(RunCommand.class, r -> {
            assertThat(r.beforeFiles()).as("the user must exist before its files are placed").isTrue();
            assertThat(r.script()).contains("useradd --system --gid etcd --home-dir /var/lib/etcd");
        });
        List<PutFile> puts = out.actions().stream().skip(1).map(PutFile.class::cast).toList();
        assertThat(puts).extracting(PutFile::path).contains(HostPaths.CA_CERT, HostPaths.CA_KEY, HostPaths.APISERVER_KEY,
                HostPaths.ETCD_SERVER_KEY, HostPaths.ETCD_PEER_CERT, HostPaths.ETCD_HEALTHCHECK_CLIENT_KEY)
                .noneMatch(p -> p.startsWith(HostPaths.REGISTRY_DIR));
        assertThat(puts).allSatisfy(p -> {
            assertThat(p.file().sensitive()).isTrue();
            assertThat(p.diff()).isEmpty();
            assertThat(p.reasons()).containsExactly("absent");
        });
        assertThat(file(puts, HostPaths.ETCD_SERVER_KEY)).satisfies(f -> {
            assertThat(f.mode()).isEqualTo(0600);
            assertThat(f.owner() + ":" + f.group()).isEqualTo("etcd:etcd");
        });
        assertThat(file(puts, HostPaths.APISERVER_KEY)).satisfies(f -> {
            assertThat(f.mode()).isEqualTo(0600);
            assertThat(f.owner() + ":" + f.group()).isEqualTo("root:root");
        });
        assertThat(file(puts, HostPaths.CA_CERT).mode()).isEqualTo(0644);
    }

    @Test
    void nodeGetsOnlyRootOwnedFilesAndNoUser() {
        StepOutcome out = PkiPhase.create(pki).steps().get(0).plan(ctx("node01", EngineFixtures.debian("node01")));
        assertThat(out.actions()).allSatisfy(a -> assertThat(a).isInstanceOf(PutFile.class));
        assertThat(out.actions()).extracting(a -> ((PutFile) a).path()).contains(HostPaths.KUBELET_KEY, HostPaths.FLANNEL_ETCD_CLIENT_KEY)
                .doesNotContain(HostPaths.CA_KEY, HostPaths.ETCD_SERVER_KEY);
    }

    @Test
    void convergedHostNeedsNothingAndSaysWhy() {
        Step step = PkiPhase.create(pki).steps().get(0);
        StepContext bare = ctx("master", EngineFixtures.debian("master"));
        EngineFixtures.Facts facts = EngineFixtures.debian("master");
        step.files(bare).forEach(facts::file);
        StepOutcome out = step.plan(ctx("master", facts));
        assertThat(out.actions()).isEmpty();
        assertThat(out.reason()).matches("\\d+ certificates and \\d+ private keys in place with their modes and owners");
        StepOutcome registry = step.plan(ctx("registry", EngineFixtures.debian("registry")));
        assertThat(registry.actions()).isEmpty();
        assertThat(registry.reason()).isEqualTo("this host needs no cluster certificates");
    }

    @Test
    void aLooseKeyModeIsTightenedWithoutShowingContent() {
        Step step = PkiPhase.create(pki).steps().get(0);
        EngineFixtures.Facts facts = EngineFixtures.debian("node01");
        for (DesiredFile f : step.files(ctx("node01", EngineFixtures.debian("node01")))) {
            facts.file(f.path().equals(HostPaths.KUBELET_KEY) ? f.withMode(0644) : f);
        }
        StepOutcome out = step.plan(ctx("node01", facts));
        assertThat(out.actions()).singleElement().isInstanceOfSatisfying(PutFile.class, p -> {
            assertThat(p.path()).isEqualTo(HostPaths.KUBELET_KEY);
            assertThat(p.reasons()).containsExactly("mode 0644 -> 0600");
            assertThat(p.diff()).isEmpty();
        });
    }

    @Test
    void registryKeyIsReadableByTheDebianServiceUserOnlyThroughItsGroup() {
        Phase registry = RegistryPki.withCertificates(RegistryPhase.create(Optional.of(RegistryPki.TLS),
                new dev.provisioner.component.registry.RegistryPush("push", dev.provisioner.Secret.of("pw"), "test")), pki);
        assertThat(registry.steps()).extracting(Step::name)
                .containsExactly("registry-package", "registry-certificates", "registry-config", "registry-service");
        Step certs = step(registry, "registry-certificates");
        List<DesiredFile> files = certs.files(ctx("registry", EngineFixtures.debian("registry")));
        assertThat(files).extracting(DesiredFile::path)
                .containsExactlyInAnyOrder(HostPaths.REGISTRY_CA_CERT, HostPaths.REGISTRY_CERT, HostPaths.REGISTRY_KEY);
        DesiredFile key = files.stream().filter(f -> f.path().equals(HostPaths.REGISTRY_KEY)).findFirst().orElseThrow();
        assertThat(key.mode()).isEqualTo(0640);
        assertThat(key.owner() + ":" + key.group()).isEqualTo("root:docker-registry");
        assertThat(key.sensitive()).isTrue();
        DesiredFile rhelKey = certs.files(ctx("registry", EngineFixtures.rocky("registry"))).stream()
                .filter(f -> f.path().equals(HostPaths.REGISTRY_KEY)).findFirst().orElseThrow();
        assertThat(rhelKey.mode()).isEqualTo(0600);
        assertThat(rhelKey.owner() + ":" + rhelKey.group()).isEqualTo("root:root");
        assertThat(certs.plan(ctx("registry", EngineFixtures.debian("registry"))).actions()).hasSize(3);
        // The registry restarts when its certificate or key changes.
        List<Action> service = step(registry, "registry-service").plan(ctx("registry", EngineFixtures.debian("registry"))).actions();
        assertThat(service).filteredOn(a -> a instanceof RestartOnChange).hasSize(2)
                .allSatisfy(a -> assertThat(((RestartOnChange) a).watchedPaths()).contains(HostPaths.REGISTRY_CERT, HostPaths.REGISTRY_KEY));
        String config = step(registry, "registry-config").files(ctx("registry", EngineFixtures.debian("registry"))).get(0).text();
        assertThat(config).contains("certificate: \"" + HostPaths.REGISTRY_CERT + "\"").contains("key: \"" + HostPaths.REGISTRY_KEY + "\"");
    }

    @Test
    void standardPlanServesTheRegistryWithOurCertificateUnlessTheEmbedderBringsOne() {
        ComponentContext context = new ComponentContext(inv, state, Optional.empty(), false);
        Phase ours = StandardPlan.create(context, Optional.empty()).phase(RegistryPhase.TITLE).orElseThrow();
        assertThat(ours.steps()).extracting(Step::name).contains("registry-certificates");
        assertThat(StandardPlan.create(context, Optional.empty()).titles())
                .containsSubsequence(PkiPhase.TITLE, RegistryPhase.TITLE, "etcd", "network-config");

        RegistryTls own = new RegistryTls("/srv/tls/reg.crt", "/srv/tls/reg.key", Optional.empty());
        Phase theirs = StandardPlan.create(context, Optional.of(own)).phase(RegistryPhase.TITLE).orElseThrow();
        assertThat(theirs.steps()).extracting(Step::name).doesNotContain("registry-certificates");
        String config = step(theirs, "registry-config").files(ctx("registry", EngineFixtures.debian("registry"))).get(0).text();
        assertThat(config).contains("/srv/tls/reg.crt");

        Inventory plain = Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER, Role.NODE).keyFile(EngineFixtures.KEY))
                .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.tls", false).build();
        Phase http = StandardPlan.create(new ComponentContext(plain, state, Optional.empty(), false), Optional.empty())
                .phase(RegistryPhase.TITLE).orElseThrow();
        assertThat(http.steps()).extracting(Step::name).doesNotContain("registry-certificates");
    }

    @Test
    void aRegistryHostWithoutACertificateFailsPlanningWithTheReason() {
        Inventory plain = Inventory.builder().clusterName("lab")
                .host("master", h -> h.address("10.4.4.4").roles(Role.MASTER, Role.NODE).keyFile(EngineFixtures.KEY))
                .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.tls", false).build();
        PkiSupply noRegistryCert = PkiSupply.of(ClusterPki.standard().ensure(plain, state.resolve("plain")));
        Step certs = new RegistryCertificatesStep(noRegistryCert);
        assertThatThrownBy(() -> certs.plan(EngineFixtures.context(plain, "registry", EngineFixtures.debian("registry").build())))
                .hasMessageContaining("issued no registry certificate for registry");
    }

    private static DesiredFile file(List<PutFile> puts, String path) {
        return puts.stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow().file();
    }
}
