package dev.provisioner.engine;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Plan;
import dev.provisioner.template.TemplateRenderer;
import dev.provisioner.testsupport.EngineFixtures;
import dev.provisioner.transport.SecretMasker;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Units in a batch: enabled without a reload of their own, then one daemon-reload, then started; a unit the
 * batch starts from a clean stop reads every file the batch wrote, so it is not restarted as well; wherever
 * it may have been started behind the facts' back, the restart stays. Over {@link FakeConnection}s (see
 * there why a fake); the lab tests enable and start real units.
 */
class UnitLifecycleTest {
    private static final DesiredFile CONF = DesiredFile.text("/etc/app/app.conf", "port: 2379\n");
    private static final DesiredFile UNIT = DesiredFile.text("/etc/systemd/system/app.service", "[Service]\n").asUnitFile();

    private final Inventory inv = EngineFixtures.inventory();
    private final FakeConnection registry = new FakeConnection("registry");

    private RunOutcome apply(Plan plan) {
        return new Executor(new ExecSettings(Mode.APPLY, 4, Set.of()), h -> registry, new ExecObserver() {
        }, new SecretMasker()).run(plan, inv, TemplateRenderer.builtIn());
    }

    private static Phase appPhase(String title, Set<String> packages) {
        return Phase.of(title, HostSelector.roles(Role.REGISTRY), StubSteps.file("app-config", CONF),
                StubSteps.file("app-unit", UNIT), StubSteps.runningService("app-service", "app.service", packages,
                        CONF.path(), UNIT.path()));
    }

    private String script() {
        assertThat(registry.scripts()).hasSize(1);
        return registry.scripts().get(0).line();
    }

    @Test
    void aStoppedUnitStartedByTheBatchIsNotRestartedToo() {
        RunOutcome out = apply(Plan.of(appPhase("app", Set.of())));

        assertThat(out.failures()).isEmpty();
        assertThat(script()).contains("systemctl start app.service").doesNotContain("systemctl restart app.service");
        assertThat(out.counters().get("registry").unitsRestarted()).isZero();
    }

    @Test
    void unitsAreEnabledWithoutAReloadEachThenOneDaemonReloadThenStarted() {
        Phase two = Phase.of("app", HostSelector.roles(Role.REGISTRY), StubSteps.file("app-unit", UNIT),
                StubSteps.runningService("app-service", "app.service", Set.of(), UNIT.path()),
                StubSteps.runningService("other-service", "other.service", Set.of()));

        RunOutcome out = apply(Plan.of(two));

        String s = script();
        assertThat(s.split("systemctl daemon-reload", -1)).as("one reload for the unit file and both enables").hasSize(2);
        assertThat(s).doesNotContain("systemctl enable app").doesNotContain("systemctl enable other");
        assertThat(s.indexOf("systemctl enable --no-reload app.service")).isLessThan(s.indexOf("daemon-reload"));
        assertThat(s.indexOf("systemctl enable --no-reload other.service")).isLessThan(s.indexOf("daemon-reload"));
        assertThat(s.indexOf("daemon-reload")).isLessThan(s.indexOf("systemctl start app.service"))
                .isLessThan(s.indexOf("systemctl start other.service"));
        assertThat(out.steps()).filteredOn(r -> r.step().equals("other-service")).singleElement()
                .satisfies(r -> assertThat(r.actions()).extracting(ActionRecord::description)
                        .contains("enable other.service", "start other.service"));
    }

    @Test
    void enablingARunningUnitAloneStillReloadsOnce() {
        registry.has(UNIT).units.put("app.service", "active");
        registry.disabled.add("app.service");
        Phase only = Phase.of("app", HostSelector.roles(Role.REGISTRY), StubSteps.file("app-unit", UNIT),
                StubSteps.runningService("app-service", "app.service", Set.of(), UNIT.path()));

        apply(Plan.of(only));

        assertThat(script()).contains("systemctl enable --no-reload app.service")
                .contains("systemctl daemon-reload").doesNotContain("systemctl start").doesNotContain("restart");
    }

    @Test
    void aFailedUnitIsStartedAfreshToo() {
        registry.units.put("app.service", "failed");

        apply(Plan.of(appPhase("app", Set.of())));

        assertThat(script()).contains("systemctl start app.service").doesNotContain("systemctl restart app.service");
    }

    @Test
    void aRunningUnitWhoseFileChangedIsRestarted() {
        registry.has(DesiredFile.text(CONF.path(), "port: 2380\n")).has(UNIT).units.put("app.service", "active");

        RunOutcome out = apply(Plan.of(appPhase("app", Set.of())));

        assertThat(script()).contains("systemctl restart app.service").doesNotContain("systemctl start app.service");
        assertThat(out.counters().get("registry").unitsRestarted()).isEqualTo(1);
    }

    @Test
    void aUnitCaughtMidwayThroughStartingKeepsItsRestart() {
        registry.units.put("app.service", "activating");

        apply(Plan.of(appPhase("app", Set.of())));

        assertThat(script()).contains("systemctl start app.service").contains("systemctl restart app.service");
    }

    @Test
    void aPackageInstalledInTheBatchMayHaveStartedTheUnitSoTheRestartStays() {
        apply(Plan.of(appPhase("app", Set.of("app-server"))));

        assertThat(script()).contains("apt-get").contains("systemctl start app.service")
                .contains("systemctl restart app.service");
    }

    @Test
    void aUnitStartedByAnEarlierPhaseOfTheRunIsRestartedWhenALaterPhaseChangesItsFile() {
        Phase start = Phase.of("start", HostSelector.roles(Role.REGISTRY), StubSteps.file("app-unit", UNIT),
                StubSteps.runningService("app-service", "app.service", Set.of(), UNIT.path()));

        RunOutcome out = apply(Plan.of(start, appPhase("configure", Set.of())));

        assertThat(out.failures()).isEmpty();
        assertThat(registry.scripts()).hasSize(2);
        assertThat(registry.scripts().get(0).line()).contains("systemctl start app.service")
                .doesNotContain("systemctl restart app.service");
        assertThat(registry.scripts().get(1).line()).contains("systemctl restart app.service");
    }
}
