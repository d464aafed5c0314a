package dev.provisioner.component.registry;

import dev.provisioner.Secret;
import dev.provisioner.facts.PackageManager;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.Action;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.EnsureUnit;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.step.WaitHealthy;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Facts in, actions out, for each registry step: fresh host, converged host, RHEL, auth, TLS seam. */
class RegistryStepsTest {
    private final Inventory inv = EngineFixtures.inventory();
    private final List<Step> steps = RegistryPhase.create(Optional.empty()).steps();

    private Step step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static StepContext ctx(Inventory inv, EngineFixtures.Facts facts) {
        return EngineFixtures.context(inv, "registry", facts.build());
    }

    @Test
    void freshDebianHostGetsPackageConfigDropInUnitHandlerAndProbe() {
        StepContext ctx = ctx(inv, EngineFixtures.debian("registry"));
        StepOutcome pkg = step("registry-package").plan(ctx);
        assertThat(pkg.actions()).containsExactly(new InstallPackages(List.of("docker-registry", "curl"), PackageManager.APT));

        StepOutcome config = step("registry-config").plan(ctx);
        PutFile put = (PutFile) config.actions().get(0);
        assertThat(put.path()).isEqualTo("/etc/docker/registry/config.yml");
        assertThat(put.reasons()).containsExactly("absent");
        assertThat(put.file().text()).contains("addr: \":5000\"").contains("rootdirectory: \"/var/lib/docker-registry\"")
                .doesNotContain("auth:").doesNotContain("tls:");
        assertThat(put.diff()).startsWith("--- /dev/null\n+++ /etc/docker/registry/config.yml\n");

        List<Action> service = step("registry-service").plan(ctx).actions();
        assertThat(service).hasSize(4);
        PutFile dropIn = (PutFile) service.get(0);
        assertThat(dropIn.path()).isEqualTo("/etc/systemd/system/docker-registry.service.d/10-provisioner.conf");
        assertThat(dropIn.file().unitFile()).isTrue();
        assertThat(dropIn.file().text()).contains("ExecStart=\nExecStart=/usr/bin/docker-registry serve /etc/docker/registry/config.yml");
        assertThat(service.get(1)).isEqualTo(new EnsureUnit("docker-registry.service", true, true));
        RestartOnChange handler = (RestartOnChange) service.get(2);
        assertThat(handler.watchedPaths()).contains("/etc/docker/registry/config.yml", dropIn.path());
        assertThat(handler.watchedPackages()).containsExactly("docker-registry");
        WaitHealthy probe = (WaitHealthy) service.get(3);
        assertThat(probe.probe()).isEqualTo("GET http://127.0.0.1:5000/v2/ answers 200");
    }

    @Test
    void convergedHostNeedsNothingAndSaysWhy() {
        StepContext bare = ctx(inv, EngineFixtures.debian("registry"));
        EngineFixtures.Facts facts = EngineFixtures.debian("registry")
                .pkg("docker-registry", "2.8.2+ds1-1").pkg("curl", "7.88.1")
                .unit("docker-registry.service", "active", "enabled");
        for (Step s : steps) {
            s.files(bare).forEach(facts::file);
        }
        StepContext ctx = ctx(inv, facts);
        assertThat(step("registry-package").plan(ctx).actions()).isEmpty();
        assertThat(step("registry-package").plan(ctx).reason()).isEqualTo("docker-registry 2.8.2+ds1-1 is installed");
        assertThat(step("registry-config").plan(ctx).actions()).isEmpty();
        assertThat(step("registry-config").plan(ctx).reason()).isEqualTo("/etc/docker/registry/config.yml is up to date (plain HTTP)");
        StepOutcome service = step("registry-service").plan(ctx);
        assertThat(service.isConverged()).as("only the handler and the probe remain, which never run alone").isTrue();
        assertThat(service.reason()).isEqualTo("docker-registry.service is active and enabled");
    }

    @Test
    void changedModeIsReportedWithoutADiff() {
        StepContext bare = ctx(inv, EngineFixtures.debian("registry"));
        DesiredFile config = step("registry-config").files(bare).get(0);
        StepContext ctx = ctx(inv, EngineFixtures.debian("registry").file(config.withMode(0600)));
        PutFile put = (PutFile) step("registry-config").plan(ctx).actions().get(0);
        assertThat(put.reasons()).containsExactly("mode 0600 -> 0644");
        assertThat(put.diff()).isEmpty();
    }

    @Test
    void rhelFamilyUsesDnfAndTheDistributionPackage() {
        StepContext ctx = ctx(inv, EngineFixtures.rocky("registry"));
        assertThat(step("registry-package").plan(ctx).actions())
                .containsExactly(new InstallPackages(List.of("distribution", "curl"), PackageManager.DNF));
        assertThat(((PutFile) step("registry-config").plan(ctx).actions().get(0)).path())
                .isEqualTo("/etc/docker-distribution/registry/config.yml");
        assertThat(step("registry-service").plan(ctx).actions()).contains(new EnsureUnit("docker-distribution.service", true, true));
    }

    @Test
    void htpasswdIsSensitiveDeterministicAndAcceptsUnauthorizedAsUp() {
        Inventory withAuth = Inventory.builder().clusterName("lab")
                .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY, Role.MASTER, Role.NODE).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.auth.user", "pusher")
                .set("cluster.registry.auth.password", Secret.of("very-secret-pw"))
                .build();
        StepContext ctx = ctx(withAuth, EngineFixtures.debian("registry"));
        List<DesiredFile> files = step("registry-config").files(ctx);
        assertThat(files).hasSize(2);
        DesiredFile htpasswd = files.get(1);
        assertThat(htpasswd.sensitive()).isTrue();
        assertThat(htpasswd.mode()).isEqualTo(0640);
        assertThat(htpasswd.group()).isEqualTo("docker-registry");
        assertThat(htpasswd.text()).startsWith("pusher:$2y$10$").doesNotContain("very-secret-pw");
        assertThat(step("registry-config").files(ctx).get(1).content()).as("same inputs, same bytes").isEqualTo(htpasswd.content());
        assertThat(files.get(0).text()).contains("htpasswd:").contains("path: \"/etc/docker/registry/htpasswd\"");
        PutFile put = (PutFile) step("registry-config").plan(ctx).actions().get(1);
        assertThat(put.diff()).as("no diff for sensitive files").isEmpty();
        WaitHealthy probe = (WaitHealthy) step("registry-service").plan(ctx).actions().get(3);
        assertThat(probe.probe()).contains("200 or 401");
    }

    @Test
    void tlsPathsAreAnInputThatSwitchesToHttps() {
        RegistryTls tls = new RegistryTls("/etc/provisioner/pki/registry.crt", "/etc/provisioner/pki/registry.key",
                Optional.of("/etc/provisioner/pki/ca.crt"));
        List<Step> tlsSteps = RegistryPhase.create(Optional.of(tls)).steps();
        StepContext ctx = ctx(inv, EngineFixtures.debian("registry"));
        String config = tlsSteps.get(1).files(ctx).get(0).text();
        assertThat(config).contains("tls:\n    certificate: \"/etc/provisioner/pki/registry.crt\"");
        List<Action> service = tlsSteps.get(2).plan(ctx).actions();
        assertThat(((RestartOnChange) service.get(2)).watchedPaths()).contains("/etc/provisioner/pki/registry.key");
        assertThat(((WaitHealthy) service.get(3)).script()).contains("--cacert /etc/provisioner/pki/ca.crt https://127.0.0.1:5000/v2/");
    }
}
