package dev.provisioner.engine;

import dev.provisioner.facts.PackageManager;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.EnsureUnit;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.RestartUnit;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.WaitHealthy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Handlers, health checks and stage order in a host's batch. */
class HandlerResolverTest {
    private static final WaitHealthy CHECK = new WaitHealthy("up", "true", Duration.ofSeconds(1));

    @Test
    void anInstalledPackageTriggersItsHandler() {
        List<Planned> out = HandlerResolver.resolve(List.of(
                new Planned("web", new InstallPackages(List.of("nginx"), PackageManager.APT)),
                new Planned("web", new RestartOnChange("nginx.service", Set.of("/etc/nginx/nginx.conf"), Set.of("nginx")))),
                Set.of(), Set.of(), u -> false);

        assertThat(out).extracting(Planned::action).contains(new RestartUnit("nginx.service", List.of("package nginx")));
    }

    @Test
    void aStepWithOnlyAHealthCheckKeepsNone() {
        List<Planned> out = HandlerResolver.resolve(List.of(
                new Planned("idle", CHECK),
                new Planned("busy", RunCommand.of("do", "true")),
                new Planned("busy", CHECK)), Set.of(), Set.of(), u -> false);

        assertThat(out).containsExactly(new Planned("busy", RunCommand.of("do", "true")), new Planned("busy", CHECK));
    }

    @Test
    void theReloadForAnEnabledUnitBelongsToTheEnablingStep() {
        List<Planned> out = HandlerResolver.resolve(List.of(
                new Planned("cmd", RunCommand.of("do", "true")),
                new Planned("svc", new EnsureUnit("b.service", true, true))), Set.of(), Set.of(), u -> false);

        assertThat(out).filteredOn(p -> p.action() instanceof dev.provisioner.step.DaemonReload).singleElement()
                .satisfies(p -> assertThat(p.step()).isEqualTo("svc"));
    }

    @Test
    void actionsAreOrderedByStage() {
        PutFile put = new PutFile(DesiredFile.text("/etc/a.conf", "a\n"), "", List.of());
        List<Planned> out = HandlerResolver.resolve(List.of(
                new Planned("s", CHECK),
                new Planned("s", new RestartOnChange("a.service", Set.of("/etc/a.conf"), Set.of())),
                new Planned("s", new EnsureUnit("b.service", false, true)),
                new Planned("s", put),
                new Planned("s", new InstallPackages(List.of("curl"), PackageManager.APT))), Set.of(), Set.of(), u -> false);

        assertThat(out).extracting(p -> p.action().stage()).isSorted();
        assertThat(out).extracting(p -> p.action().getClass().getSimpleName()).first().isEqualTo("InstallPackages");
        assertThat(out).extracting(p -> p.action().getClass().getSimpleName()).last().isEqualTo("WaitHealthy");
    }
}
