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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Facts in, actions out, for each registry step: fresh host, converged host, RHEL, push credentials, TLS
 * seam; golden files for the pull and push configs and the push unit.
 */
class RegistryStepsTest {
    static final RegistryPush PUSH = new RegistryPush("push", Secret.of("generated-push-password"), "test");
    private final Inventory inv = EngineFixtures.inventory();
    private final List<Step> steps = RegistryPhase.create(Optional.empty(), PUSH).steps();

    private Step step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static StepContext ctx(Inventory inv, EngineFixtures.Facts facts) {
        return EngineFixtures.context(inv, "registry", facts.build());
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = RegistryStepsTest.class.getResourceAsStream("/golden/registry/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void freshDebianHostGetsAReadOnlyPullEndpointAndAPasswordOnlyPushEndpoint() throws Exception {
        StepContext ctx = ctx(inv, EngineFixtures.debian("registry"));
        StepOutcome pkg = step("registry-package").plan(ctx);
        assertThat(pkg.actions()).containsExactly(new InstallPackages(List.of("docker-registry", "curl"), PackageManager.APT));

        StepOutcome config = step("registry-config").plan(ctx);
        assertThat(config.actions()).extracting(a -> ((PutFile) a).path())
                .containsExactly("/etc/docker/registry/config.yml", "/etc/docker/registry/push.yml", "/etc/docker/registry/htpasswd");
        PutFile pull = (PutFile) config.actions().get(0);
        assertThat(pull.reasons()).containsExactly("absent");
        assertThat(pull.file().text()).isEqualTo(golden("config.yml"));
        assertThat(((PutFile) config.actions().get(1)).file().text()).isEqualTo(golden("push.yml"));
        assertThat(pull.diff()).startsWith("--- /dev/null\n+++ /etc/docker/registry/config.yml\n");

        List<Action> service = step("registry-service").plan(ctx).actions();
        assertThat(service).hasSize(7);
        PutFile dropIn = (PutFile) service.get(0);
        assertThat(dropIn.path()).isEqualTo("/etc/systemd/system/docker-registry.service.d/10-provisioner.conf");
        assertThat(dropIn.file().unitFile()).isTrue();
        assertThat(dropIn.file().text()).contains("ExecStart=\nExecStart=/usr/bin/docker-registry serve /etc/docker/registry/config.yml");
        PutFile pushUnit = (PutFile) service.get(1);
        assertThat(pushUnit.path()).isEqualTo("/etc/systemd/system/docker-registry-push.service");
        assertThat(pushUnit.file().unitFile()).isTrue();
        assertThat(pushUnit.file().text()).isEqualTo(golden("docker-registry-push.service"));
        assertThat(service.subList(2, 4)).containsExactly(new EnsureUnit("docker-registry.service", true, true),
                new EnsureUnit("docker-registry-push.service", true, true));
        RestartOnChange pullHandler = (RestartOnChange) service.get(4);
        assertThat(pullHandler.watchedPaths()).contains("/etc/docker/registry/config.yml", dropIn.path())
                .doesNotContain("/etc/docker/registry/htpasswd");
        assertThat(pullHandler.watchedPackages()).containsExactly("docker-registry");
        RestartOnChange pushHandler = (RestartOnChange) service.get(5);
        assertThat(pushHandler.unit()).isEqualTo("docker-registry-push.service");
        assertThat(pushHandler.watchedPaths()).contains("/etc/docker/registry/push.yml", "/etc/docker/registry/htpasswd", pushUnit.path());
        WaitHealthy probe = (WaitHealthy) service.get(6);
        assertThat(probe.probe()).isEqualTo("GET http://10.4.4.8:5000/v2/ answers 200 (anonymous pull) and http://10.4.4.8:5001/v2/ 401"
                + " (push needs the password)");
    }

    @Test
    void convergedHostNeedsNothingAndSaysWhy() {
        StepContext bare = ctx(inv, EngineFixtures.debian("registry"));
        EngineFixtures.Facts facts = EngineFixtures.debian("registry")
                .pkg("docker-registry", "2.8.2+ds1-1").pkg("curl", "7.88.1")
                .unit("docker-registry.service", "active", "enabled")
                .unit("docker-registry-push.service", "active", "enabled");
        for (Step s : steps) {
            s.files(bare).forEach(facts::file);
        }
        StepContext ctx = ctx(inv, facts);
        assertThat(step("registry-package").plan(ctx).actions()).isEmpty();
        assertThat(step("registry-package").plan(ctx).reason()).isEqualTo("docker-registry 2.8.2+ds1-1 is installed");
        assertThat(step("registry-config").plan(ctx).actions()).isEmpty();
        assertThat(step("registry-config").plan(ctx).reason()).isEqualTo("/etc/docker/registry/config.yml (pull, read-only, 10.4.4.8:5000)"
                + " and /etc/docker/registry/push.yml (push as push, 10.4.4.8:5001) are up to date (plain HTTP)");
        StepOutcome service = step("registry-service").plan(ctx);
        assertThat(service.isConverged()).as("only the handlers and the probe remain, which never run alone").isTrue();
        assertThat(service.reason()).isEqualTo("docker-registry.service (pull) and docker-registry-push.service (push) are active and enabled");
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
        assertThat(((PutFile) step("registry-service").plan(ctx).actions().get(1)).file().text())
                .contains("ExecStart=/usr/bin/registry serve /etc/docker-distribution/registry/push.yml");
    }

    @Test
    void theInventorysPushUserWinsTheHtpasswdIsSensitiveAndDeterministic() {
        Inventory withAuth = Inventory.builder().clusterName("lab")
                .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY, Role.MASTER, Role.NODE).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.auth.user", "pusher")
                .set("cluster.registry.auth.password", Secret.of("very-secret-pw"))
                .build();
        RegistryPush push = RegistryPush.of(new dev.provisioner.component.ComponentContext(withAuth, java.nio.file.Path.of("/nonexistent"),
                Optional.empty(), false));
        assertThat(push.user()).isEqualTo("pusher");
        Step config = RegistryPhase.create(Optional.empty(), push).steps().get(1);
        StepContext ctx = ctx(withAuth, EngineFixtures.debian("registry"));
        List<DesiredFile> files = config.files(ctx);
        DesiredFile htpasswd = files.get(2);
        assertThat(htpasswd.sensitive()).isTrue();
        assertThat(htpasswd.mode()).isEqualTo(0640);
        assertThat(htpasswd.group()).isEqualTo("docker-registry");
        assertThat(htpasswd.text()).startsWith("pusher:$2y$10$").doesNotContain("very-secret-pw");
        assertThat(config.files(ctx).get(2).content()).as("same inputs, same bytes").isEqualTo(htpasswd.content());
        assertThat(files.get(0).text()).as("pulls need no credentials").doesNotContain("auth:");
        assertThat(files.get(1).text()).contains("htpasswd:").contains("path: \"/etc/docker/registry/htpasswd\"");
        PutFile put = (PutFile) config.plan(ctx).actions().get(2);
        assertThat(put.diff()).as("no diff for sensitive files").isEmpty();
    }

    @Test
    void tlsPathsAreAnInputThatSwitchesBothEndpointsToHttps() {
        RegistryTls tls = new RegistryTls("/etc/provisioner/pki/registry.crt", "/etc/provisioner/pki/registry.key",
                Optional.of("/etc/provisioner/pki/ca.crt"));
        List<Step> tlsSteps = RegistryPhase.create(Optional.of(tls), PUSH).steps();
        StepContext ctx = ctx(inv, EngineFixtures.debian("registry"));
        for (DesiredFile f : tlsSteps.get(1).files(ctx).subList(0, 2)) {
            assertThat(f.text()).contains("tls:\n    certificate: \"/etc/provisioner/pki/registry.crt\"");
        }
        List<Action> service = tlsSteps.get(2).plan(ctx).actions();
        assertThat(((RestartOnChange) service.get(4)).watchedPaths()).contains("/etc/provisioner/pki/registry.key");
        assertThat(((RestartOnChange) service.get(5)).watchedPaths()).contains("/etc/provisioner/pki/registry.key");
        assertThat(((WaitHealthy) service.get(6)).script()).contains("--cacert /etc/provisioner/pki/ca.crt https://10.4.4.8:5000/v2/")
                .contains("https://10.4.4.8:5001/v2/");
    }
}
