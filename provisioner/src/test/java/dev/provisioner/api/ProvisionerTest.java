package dev.provisioner.api;

import dev.provisioner.connect.Endpoints;
import dev.provisioner.Secret;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.inventory.SudoMode;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;
import dev.provisioner.testsupport.EngineFixtures;
import dev.provisioner.transport.Auth;
import dev.provisioner.transport.Connection;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.Sudo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisionerTest {
    /** Local cluster state (the PKI render needs) goes here, never into the working directory. */
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path state;

    private final Inventory inv = EngineFixtures.inventory();

    @Test
    void builderReportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> Provisioner.builder().build()).isInstanceOf(InvalidSetupException.class)
                .hasMessageContaining("inventory: required");
        assertThatThrownBy(() -> Provisioner.builder().inventory(inv).stateDirectory(state).parallelism(-1).limitHosts(List.of("nope"))
                .templatesDir(Path.of("/no/such/dir")).skipPhases(List.of("no-such-phase")).build())
                .isInstanceOfSatisfying(InvalidSetupException.class, e -> assertThat(e.problems()).hasSize(4));
    }

    @Test
    void aCaRotationLimitedToSomeHostsIsRefusedBeforeAnythingChanges() {
        String host = inv.hosts().get(0).name();
        Provisioner p = Provisioner.builder().inventory(inv).stateDirectory(state).limitHosts(List.of(host)).build();
        assertThatThrownBy(p::rotateCa).isInstanceOf(CaRotationRefusedException.class).hasMessageContaining("--limit");
        assertThatThrownBy(p::finishCaRotation).isInstanceOf(CaRotationRefusedException.class).hasMessageContaining(host);
        assertThat(state.resolve("pki/ca-rotation")).doesNotExist();
    }

    @Test
    void planCanBeCustomisedByTitleAndFiltered() {
        Provisioner p = Provisioner.builder().inventory(inv).stateDirectory(state)
                .customizePlan(plan -> plan.insertAfter("registry", Phase.of("mirror", HostSelector.roles(Role.REGISTRY))))
                .skipPhases(List.of("prepare-hosts")).build();
        List<String> titles = p.phases().titles();
        assertThat(titles).doesNotContain("prepare-hosts").containsSubsequence("registry", "mirror");
        assertThat(titles.indexOf("mirror")).isEqualTo(titles.indexOf("registry") + 1);
    }

    @Test
    void renderContactsNoHost() {
        List<Object> opened = new ArrayList<>();
        Provisioner p = Provisioner.builder().inventory(inv).stateDirectory(state).onlyPhases(List.of("prepare-hosts", "registry"))
                .connectionFactory((h, e) -> {
                    opened.add(null);
                    throw new AssertionError("render must not connect");
                }).build();
        RenderReport r = p.render();
        assertThat(r.files("registry")).extracting(RenderedFile::path).containsExactly("/etc/hosts",
                "/etc/docker/registry/config.yml", "/etc/docker/registry/push.yml", "/etc/docker/registry/htpasswd",
                "/etc/systemd/system/docker-registry.service.d/10-provisioner.conf",
                "/etc/systemd/system/docker-registry-push.service");
        assertThat(opened).isEmpty();
    }

    @Test
    void unreachableHostsFailTheirPhaseWithStepConnect() {
        List<ProvisionEvent> events = new ArrayList<>();
        ProvisionReport r = Provisioner.builder().inventory(inv).stateDirectory(state).listener(events::add)
                .connectionFactory((dev.provisioner.inventory.Host h, Endpoint e) -> {
                    throw new dev.provisioner.transport.UnreachableException(e.name(), "connection refused", null);
                }).build().plan();
        assertThat(r.ok()).isFalse();
        assertThat(r.failures()).extracting(StepFailure::step).containsOnly("connect");
        assertThat(r.failures()).extracting(StepFailure::host).containsExactly("master", "node01", "registry");
        assertThat(r.steps()).filteredOn(s -> s.phase().equals("registry")).allSatisfy(s ->
                assertThat(s.status()).isEqualTo(StepStatus.SKIPPED));
        assertThat(events).first().isInstanceOf(ProvisionEvent.RunStarted.class);
        assertThat(events).last().isInstanceOfSatisfying(ProvisionEvent.RunFinished.class, f -> assertThat(f.ok()).isFalse());
    }

    @Test
    void endpointsMapAuthSudoAndBastionAndEverySecretIsRegistered() {
        Inventory withSecrets = Inventory.builder().clusterName("c")
                .host("master", h -> h.address("10.0.0.1").roles(Role.MASTER, Role.NODE).user("ops")
                        .keyFile(EngineFixtures.KEY, Secret.of("key-passphrase")).sudo(SudoMode.PASSWORD)
                        .sudoPassword(Secret.of("sudo-password")).bastion("bastion.example", 2222))
                .set("cluster.registry.enabled", false)
                .build();
        Endpoint e = Endpoints.of(withSecrets.hosts().get(0));
        assertThat(e.user()).isEqualTo("ops");
        assertThat(e.auth()).isEqualTo(new Auth.PrivateKey(EngineFixtures.KEY, Secret.of("key-passphrase")));
        assertThat(e.sudo()).isEqualTo(Sudo.withPassword(Secret.of("sudo-password")));
        assertThat(e.bastion().address()).isEqualTo("bastion.example");
        assertThat(e.bastion().port()).isEqualTo(2222);
        SecretMasker masker = new SecretMasker();
        Endpoints.registerSecrets(withSecrets, masker);
        assertThat(masker.mask("sudo-password and key-passphrase")).isEqualTo("****** and ******");
    }

}
