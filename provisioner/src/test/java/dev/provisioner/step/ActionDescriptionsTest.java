package dev.provisioner.step;

import dev.provisioner.facts.PackageManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What each action says in a plan, the stage it runs in and the shell it adds. */
class ActionDescriptionsTest {
    @Test
    void daemonReloadSaysWhichUnitFilesChangedAndWhichUnitsWereEnabled() {
        assertThat(new DaemonReload(List.of("/etc/systemd/system/a.service", "/etc/systemd/system/b.service")).describe())
                .isEqualTo("systemctl daemon-reload (changed: /etc/systemd/system/a.service, /etc/systemd/system/b.service)");
        assertThat(new DaemonReload(List.of(), List.of("etcd.service")).describe())
                .isEqualTo("systemctl daemon-reload (enabled: etcd.service)");
        assertThat(new DaemonReload(List.of("/u"), List.of("x", "y")).describe())
                .isEqualTo("systemctl daemon-reload (changed: /u; enabled: x, y)");
        assertThat(new DaemonReload(List.of()).stage()).isEqualTo(Action.Stage.DAEMON_RELOAD);
    }

    @Test
    void filesPackagesAndRestarts() {
        PutFile put = new PutFile(DesiredFile.text("/etc/a", "x"), "", List.of("absent", "mode 0600 -> 0644"));
        assertThat(put.describe()).isEqualTo("write /etc/a (absent, mode 0600 -> 0644)");
        assertThat(put.path()).isEqualTo("/etc/a");
        assertThat(put.stage()).isEqualTo(Action.Stage.FILES);

        InstallPackages install = new InstallPackages(List.of("etcd-server", "etcd-client"), PackageManager.DNF);
        assertThat(install.describe()).isEqualTo("install packages etcd-server etcd-client (dnf)");
        assertThat(install.stage()).isEqualTo(Action.Stage.PACKAGES);

        RestartOnChange handler = new RestartOnChange("etcd.service", Set.of("/etc/z", "/etc/a"), Set.of("etcd-server"));
        assertThat(handler.describe()).isEqualTo("restart etcd.service if /etc/a, /etc/z changed");
        assertThat(handler.stage()).isEqualTo(Action.Stage.HANDLERS);

        RestartUnit restart = new RestartUnit("my unit", List.of("/etc/a", "/etc/b"));
        assertThat(restart.describe()).isEqualTo("restart my unit (changed: /etc/a, /etc/b)");
        assertThat(restart.stage()).isEqualTo(Action.Stage.HANDLERS);
        assertThat(restart.script()).isEqualTo("systemctl restart 'my unit'\n");
        assertThat(new RestartUnit("etcd.service", List.of()).script()).isEqualTo("systemctl restart etcd.service\n");
    }

    @Test
    void commandsRunBeforeOrAfterTheFilesAsAsked() {
        RunCommand after = RunCommand.of("create the data dir", "mkdir -p /var/lib/x");
        assertThat(after.describe()).isEqualTo("create the data dir");
        assertThat(after.script()).isEqualTo("mkdir -p /var/lib/x");
        assertThat(after.beforeFiles()).isFalse();
        assertThat(after.stage()).isEqualTo(Action.Stage.COMMANDS);
        assertThat(new RunCommand("add user etcd", "useradd etcd", true).stage()).isEqualTo(Action.Stage.BEFORE_FILES);
    }

    @Test
    void aHealthCheckSaysWhatItWaitsForAndForHowLong() {
        WaitHealthy wait = new WaitHealthy("etcd answers", "etcdctl endpoint health", Duration.ofSeconds(90));
        assertThat(wait.describe()).isEqualTo("wait until etcd answers (up to 90s)");
        assertThat(wait.stage()).isEqualTo(Action.Stage.HEALTH);
        assertThat(wait.units()).isEmpty();
        assertThat(new WaitHealthy("p", "true", Duration.ofMinutes(2), null).units()).isEmpty();
        assertThat(new WaitHealthy("p", "true", Duration.ofMinutes(2), List.of("etcd.service")).describe())
                .isEqualTo("wait until p (up to 120s)");
    }
}
